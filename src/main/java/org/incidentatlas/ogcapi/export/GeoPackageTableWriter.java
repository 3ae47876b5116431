package org.incidentatlas.ogcapi.export;

import java.io.File;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage file (SQLite), written through NGA's GeoPackage library: one feature table named
 * after the collection, geometry in the CRS asked for (EPSG:4326 by default), rows inserted in one
 * transaction. SQLite needs a file, so the caller streams the finished file and deletes it.
 */
public final class GeoPackageTableWriter implements TableWriter {

    private final GeoPackage geoPackage;
    private final FeatureDao dao;
    private final FeatureTable table;
    private final long srsId;
    private final WKBWriter wkb = new WKBWriter();

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
            this.srsId = srs.getSrsId();
            geoPackage.createGeometryColumnsTable();
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName(table.name());
            geometry.setColumnName("geom");
            geometry.setGeometryType(GeometryType.GEOMETRY);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrs(srs);
            geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns(table)));
            this.dao = geoPackage.getFeatureDao(table.name());
            geoPackage.beginTransaction();
        } catch (SQLException | RuntimeException e) {
            geoPackage.close();
            throw new IOException("cannot create the GeoPackage table '" + table.name() + "'", e);
        }
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
        mil.nga.geopackage.features.user.FeatureRow r = dao.newRow();
        if (row.geometry() != null) {
            r.setGeometry(GeoPackageGeometryData.create(srsId, GeometryReader.readGeometry(wkb.write(row.geometry()))));
        }
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.values().get(i);
            if (value != null) {
                r.setValue(columns.get(i).name(), switch (columns.get(i).type()) {
                    case INTEGER -> ((Number) value).longValue();
                    case REAL -> ((Number) value).doubleValue();
                    case TEXT -> value.toString();
                });
            }
        }
        dao.create(r);
    }

    /** Commits the rows and closes the file. */
    @Override
    public void finish() {
        try {
            geoPackage.endTransaction(true);
        } finally {
            geoPackage.close();
        }
    }

    /** Closes the file without committing (after a failure). */
    public void abandon() {
        try {
            if (geoPackage.inTransaction()) {
                geoPackage.endTransaction(false);
            }
        } finally {
            geoPackage.close();
        }
    }
}
