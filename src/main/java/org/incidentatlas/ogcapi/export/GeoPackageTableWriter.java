package org.incidentatlas.ogcapi.export;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage file (SQLite): NGA's GeoPackage library makes the metadata (spatial reference,
 * geometry column, contents, the R-tree extension and its triggers), the rows go in through one
 * prepared statement in one transaction, as GeoPackage geometry blobs written here. SQLite needs
 * a file, so the caller streams the finished file and deletes it.
 *
 * <p>Speed, measured against ogr2ogr (docs/BENCHMARKS.md): the library's per-row DAO ran at 0.58× of
 * it. Rows bound to one prepared statement, no rollback journal and no fsync (a failed file is
 * deleted, never served), and the R-tree filled after the rows, as GDAL does, run faster than it;
 * the R-tree's boxes wait in {@link Boxes} meanwhile, 40 bytes a feature.
 */
public final class GeoPackageTableWriter implements TableWriter {

    private static final String GEOMETRY_COLUMN = "geom";
    private static final String ID_COLUMN = "fid";

    private final GeoPackage geoPackage;
    private final Connection connection;
    private final PreparedStatement insert;
    private final FeatureTable table;
    private final int srsId;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private final Boxes boxes = new Boxes();
    private long fid;

    /**
     * {@code epsg}: the EPSG code of the rows' coordinates (x first: longitude or easting);
     * {@code wkt1}: its definition, for codes the GeoPackage library has no definition of.
     */
    public GeoPackageTableWriter(File file, FeatureTable table, int epsg, String wkt1) throws IOException {
        this.table = table;
        GeoPackageManager.create(file);
        this.geoPackage = GeoPackageManager.open(file);
        try {
            SpatialReferenceSystem srs = spatialReferenceSystem(epsg, wkt1);
            this.srsId = (int) srs.getSrsId();
            geoPackage.createGeometryColumnsTable();
            geoPackage.createExtensionsTable();
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName(table.name());
            geometry.setColumnName(GEOMETRY_COLUMN);
            geometry.setGeometryType(GeometryType.GEOMETRY);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrs(srs);
            geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, ID_COLUMN, columns(table)));
            this.connection = geoPackage.getConnection().getConnection();
            try (Statement s = connection.createStatement()) {
                // the file is thrown away if anything fails, so no journal and no fsync are needed
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -32768");
            }
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement(insertSql(table));
        } catch (SQLException | RuntimeException e) {
            geoPackage.close();
            throw new IOException("cannot create the GeoPackage table '" + table.name() + "'", e);
        }
    }

    private static String insertSql(FeatureTable table) {
        StringBuilder names = new StringBuilder("\"" + ID_COLUMN + "\", \"" + GEOMETRY_COLUMN + "\"");
        StringBuilder marks = new StringBuilder("?, ?");
        for (Column c : table.columns()) {
            names.append(", \"").append(c.name()).append('"');
            marks.append(", ?");
        }
        return "INSERT INTO \"" + table.name() + "\" (" + names + ") VALUES (" + marks + ")";
    }

    private SpatialReferenceSystem spatialReferenceSystem(int epsg, String wkt1) throws SQLException {
        var dao = geoPackage.getSpatialReferenceSystemDao();
        try {
            return dao.getOrCreateFromEpsg(epsg);
        } catch (mil.nga.geopackage.GeoPackageException unknownToTheLibrary) {
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(wkt1.substring(wkt1.indexOf('"') + 1, wkt1.indexOf('"', wkt1.indexOf('"') + 1)));
            srs.setSrsId(epsg);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(epsg);
            srs.setDefinition(wkt1);
            dao.create(srs);
            return srs;
        }
    }

    private static List<FeatureColumn> columns(FeatureTable table) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(FeatureColumn.createColumn(c.name(), switch (c.type()) {
                case TEXT -> GeoPackageDataType.TEXT;
                case INTEGER -> GeoPackageDataType.INTEGER;
                case REAL -> GeoPackageDataType.DOUBLE;
            }));
        }
        return columns;
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        fid++;
        try {
            insert.setLong(1, fid);
            Geometry g = row.geometry();
            if (g == null || g.isEmpty()) {
                insert.setNull(2, Types.BLOB);
            } else {
                insert.setBytes(2, blob(g));
                boxes.add(fid, g.getEnvelopeInternal());
            }
            List<Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.values().get(i);
                int p = i + 3;
                if (value == null) {
                    insert.setNull(p, Types.NULL);
                } else {
                    switch (columns.get(i).type()) {
                        case INTEGER -> insert.setLong(p, ((Number) value).longValue());
                        case REAL -> insert.setDouble(p, ((Number) value).doubleValue());
                        case TEXT -> insert.setString(p, value.toString());
                    }
                }
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot write a row to the GeoPackage", e);
        }
    }

    /**
     * The GeoPackage binary: "GP", version 0, flags (little-endian; an x/y envelope except for
     * points, as GDAL writes them), the srs_id, then the geometry as little-endian WKB.
     */
    private byte[] blob(Geometry g) {
        byte[] body = wkb.write(g);
        boolean envelope = !(g instanceof Point);
        ByteBuffer b = ByteBuffer.allocate(8 + (envelope ? 32 : 0) + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (envelope ? 0b0011 : 0b0001)).putInt(srsId);
        if (envelope) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        return b.put(body).array();
    }

    /** Fills the R-tree, records the extent, commits the rows and closes the file. */
    @Override
    public void finish() throws IOException {
        try {
            insert.close();
            RTreeIndexExtension rtree = new RTreeIndexExtension(geoPackage);
            rtree.createRTreeIndex(table.name(), GEOMETRY_COLUMN);
            try (PreparedStatement node = connection.prepareStatement("INSERT INTO \"rtree_" + table.name() + "_"
                    + GEOMETRY_COLUMN + "\" (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)")) {
                boxes.forEach((id, minX, minY, maxX, maxY) -> {
                    node.setLong(1, id);
                    node.setDouble(2, minX);
                    node.setDouble(3, maxX);
                    node.setDouble(4, minY);
                    node.setDouble(5, maxY);
                    node.executeUpdate();
                });
            }
            rtree.createAllTriggers(table.name(), GEOMETRY_COLUMN, ID_COLUMN);
            // on this connection: the library's own DAO would write through a second one, locked out by this transaction
            try (PreparedStatement extension = connection.prepareStatement("INSERT INTO gpkg_extensions "
                    + "(table_name, column_name, extension_name, definition, scope) VALUES (?, ?, ?, ?, 'write-only')")) {
                extension.setString(1, table.name());
                extension.setString(2, GEOMETRY_COLUMN);
                extension.setString(3, RTreeIndexExtension.EXTENSION_NAME);
                extension.setString(4, RTreeIndexExtension.DEFINITION);
                extension.executeUpdate();
            }
            Envelope extent = boxes.extent();
            if (!extent.isNull()) {
                try (PreparedStatement contents = connection.prepareStatement(
                        "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
                    contents.setDouble(1, extent.getMinX());
                    contents.setDouble(2, extent.getMinY());
                    contents.setDouble(3, extent.getMaxX());
                    contents.setDouble(4, extent.getMaxY());
                    contents.setString(5, table.name());
                    contents.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            throw new IOException("cannot finish the GeoPackage", e);
        } finally {
            geoPackage.close();
        }
    }

    /** Closes the file without committing (after a failure). */
    public void abandon() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the caller deletes the file
        } finally {
            geoPackage.close();
        }
    }
}
