package org.incidentatlas.tiles;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.storage.SqlWhere;

/** Draws one Mapbox Vector Tile from a collection's table: by ST_AsMVT on PostGIS, in Java on H2GIS. */
interface TileRenderer {

    /**
     * Each selected feature, clipped to the tile and its buffer ({@code where} selects them), with the
     * data version it reflects; not drawn when that version is {@code clientVersion} (the client's
     * ETag; -1 when it holds none).
     */
    VersionedTile features(TiledCollection collection, TileCoordinates tile, SqlWhere where, long clientVersion);

    /**
     * The selected incidents summed per cell of a {@link TiledCollection#CELLS}-square grid over the
     * tile: count, fatalities and count per event type, at the mean position of the cell's incidents.
     * Each incident is counted in exactly one tile and cell (cells hold their west and north edges), the cell
     * found as the kept counts find it ({@code incidents.MercatorCells}).
     */
    VersionedTile aggregates(TiledCollection collection, TileCoordinates tile, SqlWhere where, long clientVersion);

    /**
     * The same tile as {@link #aggregates} from sums already made per cell of {@link TiledCollection#cells} and
     * event type (columns cx, cy, event_type, n, f, sx, sy: the counts kept on write).
     */
    VersionedTile keptAggregates(TiledCollection collection, TileCoordinates tile, Sql cellSums, long clientVersion);
}
