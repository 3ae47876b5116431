-- A point's coordinates as columns, so that the boundary strips of a bbox count (atlas_kept_box_count) are read
-- from index keys alone. V12_1's indexes were on atlas_point_y(geom) / atlas_point_x(geom) and carried the geometry:
-- an index-only scan cannot hand an expression's value to a filter, so every entry of a strip recomputed its
-- coordinates from the geometry, up to six times (1.2 ms of a 3.7 ms count for a strip of 4,879 entries at 1M).
-- Null for any other geometry (atlas_point_x / atlas_point_y of V12_1). Columns rather than a side table: they are
-- written with the row, by the database, whoever writes it.
ALTER TABLE incidents
    ADD COLUMN point_lon double precision GENERATED ALWAYS AS (atlas_point_x(geom)) STORED,
    ADD COLUMN point_lat double precision GENERATED ALWAYS AS (atlas_point_y(geom)) STORED;

-- A strip along the box's north or south edge by latitude, one along its west or east edge by longitude (the other
-- axis "+ 0" in the function below, so that a generic plan cannot pick the wrong index); the other axis is the
-- second key, tested from the index entry. The event type rides along for a count with a type filter.
DROP INDEX incidents_point_lat_idx;
DROP INDEX incidents_point_lon_idx;
CREATE INDEX incidents_point_lat_idx ON incidents (point_lat, point_lon) INCLUDE (event_type) WHERE point_lat IS NOT NULL;
CREATE INDEX incidents_point_lon_idx ON incidents (point_lon, point_lat) INCLUDE (event_type) WHERE point_lon IS NOT NULL;
ANALYZE incidents;

-- The runs of cells of a count with no type filter (incident_cell_totals), read from the index entries alone: a
-- fifth of the count's time at 1M was a table visit per cell. The price: a total's update is no longer a HOT update
-- (its count is in these indexes), so each write to a cell adds index entries for the vacuum to clear.
DROP INDEX incident_cell_totals_row_idx;
CREATE INDEX incident_cell_totals_row_idx ON incident_cell_totals (level, cy, cx) INCLUDE (incidents);
CREATE INDEX incident_cell_totals_column_idx ON incident_cell_totals (level, cx, cy) INCLUDE (incidents);
ANALYZE incident_cell_totals;

-- V14_1's function, its strips on the new columns, each strip's bounds copied out of the arrays once: an array element in
-- a statement's filter was taken out of its array again for every entry the strip read (a quarter of the count's time).
CREATE OR REPLACE FUNCTION atlas_kept_box_count(
    row_level integer[], row_y integer[], row_x0 integer[], row_x1 integer[],
    col_level integer[], col_x integer[], col_y0 integer[], col_y1 integer[],
    kind text, min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision,
    finest integer, fx0 integer, fx1 integer, fy0 integer, fy1 integer,
    strip_wide boolean[], strip_min_lon double precision[], strip_min_lat double precision[],
    strip_max_lon double precision[], strip_max_lat double precision[],
    strip_sure_below double precision[], strip_sure_above double precision[])
    RETURNS bigint LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    n bigint;
    part bigint;
    lo_lon double precision;
    lo_lat double precision;
    hi_lon double precision;
    hi_lat double precision;
    sure_below double precision;
    sure_above double precision;
BEGIN
    IF kind IS NULL THEN
        SELECT COALESCE(sum(c.incidents), 0) INTO n
        FROM unnest(row_level, row_y, row_x0, row_x1) AS r(l, y, x0, x1)
        JOIN incident_cell_totals c ON c.level = r.l AND c.cy = r.y AND c.cx BETWEEN r.x0 AND r.x1;
        SELECT n + COALESCE(sum(c.incidents), 0) INTO n
        FROM unnest(col_level, col_x, col_y0, col_y1) AS r(l, x, y0, y1)
        JOIN incident_cell_totals c ON c.level = r.l AND c.cx = r.x AND c.cy BETWEEN r.y0 AND r.y1;
    ELSE
        SELECT COALESCE(sum(c.incidents), 0) INTO n
        FROM unnest(row_level, row_y, row_x0, row_x1) AS r(l, y, x0, x1)
        JOIN incident_cells c ON c.level = r.l AND c.cy = r.y AND c.cx BETWEEN r.x0 AND r.x1
        WHERE c.event_type = kind;
        SELECT n + COALESCE(sum(c.incidents), 0) INTO n
        FROM unnest(col_level, col_x, col_y0, col_y1) AS r(l, x, y0, y1)
        JOIN incident_cells c ON c.level = r.l AND c.cx = r.x AND c.cy BETWEEN r.y0 AND r.y1
        WHERE c.event_type = kind;
    END IF;
    FOR i IN 1 .. COALESCE(array_length(strip_wide, 1), 0) LOOP
        lo_lon := strip_min_lon[i];
        lo_lat := strip_min_lat[i];
        hi_lon := strip_max_lon[i];
        hi_lat := strip_max_lat[i];
        sure_below := strip_sure_below[i];
        sure_above := strip_sure_above[i];
        IF strip_wide[i] THEN
            SELECT count(*) INTO part FROM incidents
            WHERE point_lat BETWEEN lo_lat AND hi_lat
              AND point_lon + 0 BETWEEN lo_lon AND hi_lon
              AND (kind IS NULL OR event_type = kind)
              AND (point_lat <= sure_below OR point_lat >= sure_above
                   OR NOT (atlas_cell_x(point_lon, finest) BETWEEN fx0 AND fx1
                           AND atlas_cell_y(point_lat, finest) BETWEEN fy0 AND fy1));
        ELSE
            SELECT count(*) INTO part FROM incidents
            WHERE point_lon BETWEEN lo_lon AND hi_lon
              AND point_lat + 0 > lo_lat AND point_lat + 0 < hi_lat
              AND (kind IS NULL OR event_type = kind)
              AND (point_lon <= sure_below OR point_lon >= sure_above
                   OR NOT (atlas_cell_x(point_lon, finest) BETWEEN fx0 AND fx1
                           AND atlas_cell_y(point_lat, finest) BETWEEN fy0 AND fy1));
        END IF;
        n := n + part;
    END LOOP;
    SELECT n + count(*) INTO n FROM incidents
    WHERE GeometryType(geom) <> 'POINT'
      AND ST_Intersects(geom, ST_MakeEnvelope(min_lon, min_lat, max_lon, max_lat, 4326))
      AND (kind IS NULL OR event_type = kind)
      AND NOT (atlas_cell_x(ST_X(ST_PointOnSurface(geom)), finest) BETWEEN fx0 AND fx1
               AND atlas_cell_y(ST_Y(ST_PointOnSurface(geom)), finest) BETWEEN fy0 AND fy1);
    RETURN n;
END
$$;

-- A service built before V14 calls V13_1's function: it now counts the same way (same arguments), as V13_1's own
-- statements would find no index left to read their strips by.
CREATE OR REPLACE FUNCTION atlas_box_count(
    row_level integer[], row_y integer[], row_x0 integer[], row_x1 integer[],
    col_level integer[], col_x integer[], col_y0 integer[], col_y1 integer[],
    kind text, min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision,
    finest integer, fx0 integer, fx1 integer, fy0 integer, fy1 integer,
    strip_wide boolean[], strip_min_lon double precision[], strip_min_lat double precision[],
    strip_max_lon double precision[], strip_max_lat double precision[],
    strip_sure_below double precision[], strip_sure_above double precision[])
    RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT atlas_kept_box_count(row_level, row_y, row_x0, row_x1, col_level, col_x, col_y0, col_y1, kind,
        min_lon, min_lat, max_lon, max_lat, finest, fx0, fx1, fy0, fy1,
        strip_wide, strip_min_lon, strip_min_lat, strip_max_lon, strip_max_lat, strip_sure_below, strip_sure_above)
$$;
