package org.incidentatlas.tiles;

import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tiles by PostGIS's ST_AsMVT / ST_AsMVTGeom over ST_TileEnvelope, geometries brought to EPSG:3857. */
final class PostgisTileRenderer implements TileRenderer {

    private final JdbcTemplate jdbc;

    PostgisTileRenderer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public VersionedTile features(TiledCollection c, TileCoordinates t, SqlWhere where, long clientVersion) {
        String idColumn = c.numericId() ? ", 'id'" : "";
        String tile = "SELECT ST_AsMVT(q, ?, " + TiledCollection.EXTENT + ", 'geom'" + idColumn + ") FROM (SELECT " + c.selectList()
                + ", ST_AsMVTGeom(ST_Transform(" + c.geometryColumn() + ", 3857), ST_TileEnvelope(?, ?, ?), " + TiledCollection.EXTENT
                + ", " + TiledCollection.BUFFER + ", true) AS geom FROM " + c.table() + where.sql() + ") q WHERE q.geom IS NOT NULL";
        List<Object> args = new ArrayList<>(List.of(c.id(), t.zoom(), t.col(), t.row()));
        args.addAll(where.args());
        return versioned(new Sql(tile, args), clientVersion);
    }

    /**
     * The incidents' interior points summed per cell and event type with the very cell arithmetic the kept counts
     * use (the V10_1 functions atlas_cell_x / atlas_cell_y, inlined by the planner), so both give the same cells.
     */
    @Override
    public VersionedTile aggregates(TiledCollection c, TileCoordinates t, SqlWhere where, long clientVersion) {
        CellCover.Block cells = TiledCollection.cells(t);
        String sums = "SELECT cx, cy, event_type, count(*) AS n, coalesce(sum(fatalities), 0) AS f, sum(x) AS sx, sum(y) AS sy "
                + "FROM (SELECT atlas_cell_x(lon, ?) AS cx, atlas_cell_y(lat, ?) AS cy, atlas_mercator_x(lon) AS x, "
                + "atlas_mercator_y(lat) AS y, event_type, fatalities "
                + "FROM (SELECT ST_X(p) AS lon, ST_Y(p) AS lat, event_type, fatalities "
                + "FROM (SELECT ST_PointOnSurface(geom) AS p, event_type, fatalities FROM incidents" + where.sql() + ") a) b) m "
                + "WHERE cx BETWEEN ? AND ? AND cy BETWEEN ? AND ? GROUP BY cx, cy, event_type";
        List<Object> args = new ArrayList<>(List.of(cells.level(), cells.level()));
        args.addAll(where.args());
        args.addAll(List.of(cells.x0(), cells.x1(), cells.y0(), cells.y1()));
        return keptAggregates(c, t, new Sql(sums, args), clientVersion);
    }

    @Override
    public VersionedTile keptAggregates(TiledCollection c, TileCoordinates t, Sql sums, long clientVersion) {
        String sql = "SELECT ST_AsMVT(q, ?, " + TiledCollection.EXTENT + ", 'geom') FROM ("
                + "SELECT CAST(sum(n) AS integer) AS count, CAST(sum(f) AS integer) AS fatalities, "
                + "CAST(jsonb_object_agg(event_type, n) AS text) AS event_types, "
                + "ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum(sx) / sum(n), sum(sy) / sum(n)), 3857), ST_TileEnvelope(?, ?, ?), "
                + TiledCollection.EXTENT + ", 0, false) AS geom FROM (" + sums.text() + ") d GROUP BY cx, cy) q";
        List<Object> args = new ArrayList<>(List.of(c.id(), t.zoom(), t.col(), t.row()));
        args.addAll(sums.args());
        return versioned(new Sql(sql, args), clientVersion);
    }

    /**
     * One statement, one round trip: the data version and, unless the client holds it, the tile, read
     * in the same snapshot (so the ETag is exactly the tile's). On a busy host every round trip costs
     * two wake-ups, which is most of a small tile's time (docs/BENCHMARKS.md, issue 14).
     */
    private VersionedTile versioned(Sql tile, long clientVersion) {
        // CASE evaluates the tile's sub-select only when the version differs
        String sql = "SELECT v.version, CASE WHEN v.version = ? THEN NULL ELSE (" + tile.text() + ") END AS tile "
                + "FROM data_version v WHERE v.id = 1";
        List<Object> args = new ArrayList<>();
        args.add(clientVersion);
        args.addAll(tile.args());
        return jdbc.queryForObject(sql, (rs, n) -> {
            long version = rs.getLong(1);
            if (version == clientVersion) {
                return VersionedTile.notModified(version);
            }
            byte[] body = rs.getBytes(2);
            return new VersionedTile(version, body == null ? new byte[0] : body);
        }, args.toArray());
    }
}
