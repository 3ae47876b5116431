package org.incidentatlas.tiles;

import org.incidentatlas.storage.DataVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.incidents.MercatorCells;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.storage.SqlWhere;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;

/**
 * Tiles on H2GIS, which has no ST_AsMVT: the rows are read with the same condition, brought to
 * EPSG:3857, clipped and encoded by mapbox-vector-tile-java (io.github.sebasbaumh, JTS-based,
 * maintained; it also decodes, which the tests use for both backends).
 */
final class H2gisTileRenderer implements TileRenderer {

    private static final MvtLayerParams PARAMS = new MvtLayerParams(TiledCollection.EXTENT);

    private final JdbcTemplate jdbc;
    private final DataVersion version;
    private final GeometryFactory factory = new GeometryFactory();
    private final JsonMapper json = JsonMapper.builder().build();

    H2gisTileRenderer(JdbcTemplate jdbc, DataVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    /** The version first, then the rows: embedded, a second statement costs no round trip. */
    @Override
    public VersionedTile features(TiledCollection c, TileCoordinates t, SqlWhere where, long clientVersion) {
        return versioned(clientVersion, () -> draw(c, t, where));
    }

    private VersionedTile versioned(long clientVersion, Supplier<byte[]> tile) {
        long current = version.current();
        return current == clientVersion ? VersionedTile.notModified(current) : new VersionedTile(current, tile.get());
    }

    private byte[] draw(TiledCollection c, TileCoordinates t, SqlWhere where) {
        Envelope tile = WebMercatorQuad.envelope(t);
        Envelope clip = new Envelope(tile);
        clip.expandBy(tile.getWidth() * TiledCollection.BUFFER / TiledCollection.EXTENT);
        List<Geometry> features = new ArrayList<>();
        jdbc.query("SELECT " + c.selectList() + ", ST_AsBinary(" + c.geometryColumn() + ") AS tile_geom_wkb FROM " + c.table()
                + where.sql(), rs -> {
                    Geometry g = JtsAdapter.createTileGeom(WebMercatorQuad.mercator(read(rs)), tile, clip, factory, PARAMS, x -> true);
                    if (g == null || g.isEmpty()) {
                        return;
                    }
                    Map<String, Object> properties = new LinkedHashMap<>();
                    for (TiledCollection.Attribute a : c.attributes()) {
                        Object value = value(rs.getObject(a.name()));
                        if (value != null) {
                            properties.put(a.name(), value);
                        }
                    }
                    g.setUserData(properties);
                    features.add(g);
                }, where.args().toArray());
        return encode(c, features, c.numericId() ? new UserDataKeyValueMapConverter("id") : new UserDataKeyValueMapConverter());
    }

    /** Each incident's interior point into its cell, found as the kept counts' trigger finds it (MercatorCells). */
    @Override
    public VersionedTile aggregates(TiledCollection c, TileCoordinates t, SqlWhere where, long clientVersion) {
        return versioned(clientVersion, () -> scanned(c, t, where));
    }

    @Override
    public VersionedTile keptAggregates(TiledCollection c, TileCoordinates t, Sql sums, long clientVersion) {
        return versioned(clientVersion, () -> kept(c, t, sums));
    }

    private byte[] scanned(TiledCollection c, TileCoordinates t, SqlWhere where) {
        CellCover.Block grid = TiledCollection.cells(t);
        Map<List<Long>, Cell> cells = new HashMap<>();
        jdbc.query("SELECT ST_AsBinary(geom) AS tile_geom_wkb, event_type, fatalities FROM incidents" + where.sql(), rs -> {
            Point p = read(rs).getInteriorPoint();
            long cx = MercatorCells.cellX(p.getX(), grid.level());
            long cy = MercatorCells.cellY(p.getY(), grid.level());
            if (cx < grid.x0() || cx > grid.x1() || cy < grid.y0() || cy > grid.y1()) {
                return;
            }
            Integer dead = rs.getObject("fatalities", Integer.class);
            cells.computeIfAbsent(List.of(cx, cy), k -> new Cell()).add(rs.getString("event_type"), 1, dead == null ? 0 : dead,
                    MercatorCells.x(p.getX()), MercatorCells.y(p.getY()));
        }, where.args().toArray());
        return encode(c, t, cells.values());
    }

    private byte[] kept(TiledCollection c, TileCoordinates t, Sql sums) {
        Map<List<Long>, Cell> cells = new HashMap<>();
        jdbc.query(sums.text(), rs -> {
            cells.computeIfAbsent(List.of(rs.getLong("cx"), rs.getLong("cy")), k -> new Cell()).add(rs.getString("event_type"),
                    rs.getLong("n"), rs.getLong("f"), rs.getDouble("sx"), rs.getDouble("sy"));
        }, sums.args().toArray());
        return encode(c, t, cells.values());
    }

    /** One point per cell, at the mean position of its incidents, with their count, fatalities and count per type. */
    private byte[] encode(TiledCollection c, TileCoordinates t, Collection<Cell> cells) {
        Envelope tile = WebMercatorQuad.envelope(t);
        // a cell's mean can lie on the tile's east or south edge (its incidents all on the cell's edge): kept, not clipped
        Envelope keep = new Envelope(tile);
        keep.expandBy(tile.getWidth() / TiledCollection.CELLS);
        List<Geometry> features = new ArrayList<>();
        for (Cell k : cells) {
            Geometry g = JtsAdapter.createTileGeom(factory.createPoint(new Coordinate(k.sumX / k.count, k.sumY / k.count)),
                    tile, keep, factory, PARAMS, x -> true);
            if (g == null || g.isEmpty()) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("count", (int) k.count);
            properties.put("fatalities", (int) k.fatalities);
            properties.put("event_types", json.writeValueAsString(k.types));
            g.setUserData(properties);
            features.add(g);
        }
        return encode(c, features, new UserDataKeyValueMapConverter());
    }

    private static byte[] encode(TiledCollection c, List<Geometry> features, UserDataKeyValueMapConverter converter) {
        if (features.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(c.id(), features, TiledCollection.EXTENT)), PARAMS, converter);
    }

    private Geometry read(ResultSet rs) throws SQLException {
        try {
            return new WKBReader(factory).read(rs.getBytes("tile_geom_wkb"));
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry", e);
        }
    }

    /** MVT values are strings, whole numbers, floating point numbers or booleans. */
    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Double
                || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Short s) {
            return s.intValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v.toString();
    }

    /** The running sums of one grid cell. */
    private static final class Cell {
        private long count;
        private long fatalities;
        private double sumX;
        private double sumY;
        private final Map<String, Long> types = new TreeMap<>();

        void add(String type, long incidents, long dead, double x, double y) {
            count += incidents;
            fatalities += dead;
            sumX += x;
            sumY += y;
            types.merge(type, incidents, Long::sum);
        }
    }
}
