-- The bbox count of incidents.KeptCounts as one server-side function, so that its statements are planned
-- once per connection instead of on every request. Sent as one literal statement of 14 sub-queries under
-- the connections' plan_cache_mode = force_custom_plan, it was re-planned each time: 2.4 ms of planning
-- besides 9.9 ms of execution at 1M incidents (load average 17). Here every statement has one plan whatever the box (each
-- condition fits exactly one index: see below), so the cached generic plans are the right ones.
--
-- What it sums (the same as before, see incidents.CellCover):
--   * runs of kept cells: a run is one row of cells (level, cy, cx from .. to), read through
--     incident_cells_row_idx, or one column (level, cx, cy from .. to), read through the key;
--   * the points of each boundary strip whose level-L cell is outside the finest block summed, from the
--     covering point indexes of V12_1 (a wide strip by latitude, a tall one by longitude; "+ 0" keeps the
--     other axis off the index). A point beyond the strip's sure bound (the block's edge plus the cover's
--     margin, far more than the rounding of the cell arithmetic) is outside the block without computing its
--     cell: that computation was three quarters of a strip's cost;
--   * the other geometries in the box whose interior point's cell is outside the block.
CREATE FUNCTION atlas_box_count(
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
BEGIN
    SELECT COALESCE(sum(c.incidents), 0) INTO n
    FROM unnest(row_level, row_y, row_x0, row_x1) AS r(l, y, x0, x1)
    JOIN incident_cells c ON c.level = r.l AND c.cy = r.y AND c.cx BETWEEN r.x0 AND r.x1
    WHERE kind IS NULL OR c.event_type = kind;
    SELECT n + COALESCE(sum(c.incidents), 0) INTO n
    FROM unnest(col_level, col_x, col_y0, col_y1) AS r(l, x, y0, y1)
    JOIN incident_cells c ON c.level = r.l AND c.cx = r.x AND c.cy BETWEEN r.y0 AND r.y1
    WHERE kind IS NULL OR c.event_type = kind;
    FOR i IN 1 .. COALESCE(array_length(strip_wide, 1), 0) LOOP
        IF strip_wide[i] THEN
            SELECT count(*) INTO part FROM incidents
            WHERE GeometryType(geom) = 'POINT'
              AND atlas_point_y(geom) BETWEEN strip_min_lat[i] AND strip_max_lat[i]
              AND atlas_point_x(geom) + 0 BETWEEN strip_min_lon[i] AND strip_max_lon[i]
              AND (kind IS NULL OR event_type = kind)
              AND (atlas_point_y(geom) + 0 <= strip_sure_below[i] OR atlas_point_y(geom) + 0 >= strip_sure_above[i]
                   OR NOT (atlas_cell_x(atlas_point_x(geom), finest) BETWEEN fx0 AND fx1
                           AND atlas_cell_y(atlas_point_y(geom), finest) BETWEEN fy0 AND fy1));
        ELSE
            SELECT count(*) INTO part FROM incidents
            WHERE GeometryType(geom) = 'POINT'
              AND atlas_point_x(geom) BETWEEN strip_min_lon[i] AND strip_max_lon[i]
              AND atlas_point_y(geom) + 0 > strip_min_lat[i] AND atlas_point_y(geom) + 0 < strip_max_lat[i]
              AND (kind IS NULL OR event_type = kind)
              AND (atlas_point_x(geom) + 0 <= strip_sure_below[i] OR atlas_point_x(geom) + 0 >= strip_sure_above[i]
                   OR NOT (atlas_cell_x(atlas_point_x(geom), finest) BETWEEN fx0 AND fx1
                           AND atlas_cell_y(atlas_point_y(geom), finest) BETWEEN fy0 AND fy1));
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
