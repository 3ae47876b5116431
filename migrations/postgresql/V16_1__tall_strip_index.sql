-- A tall boundary strip of a bbox count (the box's west or east edge) was read from incidents_point_lon_idx by its
-- longitudes alone: every point of the map between them, whatever its latitude, the strip's latitudes tested entry by
-- entry (at 1M, 5,544 entries read for the 188 of a 1°-high strip, a quarter of the count's time). Keyed by the strip's
-- column of the finest level first, the latitudes bound the scan: those 188 entries alone. V15_1's function
-- otherwise.
-- PostgreSQL only: H2 counts its strips through the spatial index (KeptCounts).
CREATE INDEX incidents_point_column_idx ON incidents (atlas_cell_x(point_lon, 15), point_lat) INCLUDE (point_lon, event_type)
    WHERE point_lon IS NOT NULL;
ANALYZE incidents;

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
    columns integer[];
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
        ELSIF finest = 15 AND hi_lon - lo_lon >= 360.0 / 2 ^ 15 / 4 THEN
            -- the columns from its west edge's to its east edge's (atlas_cell_x never decreases with the longitude, even
            -- rounded), the finest block's left out: their points between the strip's latitudes are in it. Not for a strip
            -- narrower than a quarter of its column: the points of its few longitudes over all latitudes are fewer
            -- than those of its whole column over the box's (the box's east edge at 1M: 78 entries against 2,741).
            SELECT array_agg(c) INTO columns
            FROM generate_series(atlas_cell_x(lo_lon, 15), atlas_cell_x(hi_lon, 15)) AS c
            WHERE c NOT BETWEEN fx0 AND fx1;
            SELECT count(*) INTO part FROM incidents
            WHERE atlas_cell_x(point_lon, 15) = ANY (columns)
              AND point_lat > lo_lat AND point_lat < hi_lat
              AND point_lon + 0 BETWEEN lo_lon AND hi_lon
              AND (kind IS NULL OR event_type = kind)
              AND (point_lon <= sure_below OR point_lon >= sure_above
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
