-- Keeps the sums of V14 (common) in step with every write, in the same statements that keep V10's counts,
-- and has the bbox count read the per-cell totals when no event type is asked for.

-- No write may slip between the backfill below and the new upkeep: writers wait for this migration.
LOCK TABLE incidents IN SHARE MODE;

-- As V10_1's, each statement now writing the coarser sums too: the cells' groups are computed once and added
-- to incident_cells and, summed over types, to incident_cell_totals; the days' groups to incident_days and,
-- summed per month, to incident_months. A data-modifying WITH runs whether or not the outer query reads it.
CREATE OR REPLACE FUNCTION incident_counts_statements(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN ARRAY['WITH d AS (SELECT sign, event_type, coalesce(fatalities, 0) AS f, ST_X(p) AS lon, ST_Y(p) AS lat '
        || 'FROM (SELECT *, ST_PointOnSurface(geom) AS p FROM (' || delta || ') r) q), '
        || 'g AS (SELECT l.level, atlas_cell_x(lon, l.level) AS cx, atlas_cell_y(lat, l.level) AS cy, event_type, sum(sign) AS n, '
        || 'sum(sign * f) AS f, sum(sign * atlas_mercator_x(lon)) AS sx, sum(sign * atlas_mercator_y(lat)) AS sy '
        || 'FROM d CROSS JOIN (VALUES (7), (9), (11), (13), (15)) AS l(level) GROUP BY 1, 2, 3, 4), '
        || 'kept AS (INSERT INTO incident_cells AS c (level, cx, cy, event_type, incidents, fatalities, sum_x, sum_y) '
        || 'SELECT level, cx, cy, event_type, n, f, sx, sy FROM g WHERE n <> 0 OR f <> 0 OR sx <> 0 OR sy <> 0 ORDER BY 1, 2, 3, 4 '
        || 'ON CONFLICT (level, cx, cy, event_type) DO UPDATE SET incidents = c.incidents + EXCLUDED.incidents, '
        || 'fatalities = c.fatalities + EXCLUDED.fatalities, '
        -- an emptied cell starts its sums again from zero: no rounding residue left behind
        || 'sum_x = CASE WHEN c.incidents + EXCLUDED.incidents = 0 THEN 0 ELSE c.sum_x + EXCLUDED.sum_x END, '
        || 'sum_y = CASE WHEN c.incidents + EXCLUDED.incidents = 0 THEN 0 ELSE c.sum_y + EXCLUDED.sum_y END) '
        || 'INSERT INTO incident_cell_totals AS t (level, cx, cy, incidents) '
        || 'SELECT level, cx, cy, sum(n) FROM g GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3 '
        || 'ON CONFLICT (level, cx, cy) DO UPDATE SET incidents = t.incidents + EXCLUDED.incidents',
        'WITH d AS (' || delta || '), '
        || 'g AS (SELECT event_day, event_type, country, sum(s) AS s, sum(e) AS e FROM ('
        || 'SELECT event_date AS event_day, event_type, coalesce(CAST(country AS varchar(3)), '''') AS country, sign AS s, 0 AS e FROM d '
        || 'UNION ALL SELECT event_last_date, event_type, coalesce(CAST(country AS varchar(3)), ''''), 0, sign FROM d) x '
        || 'GROUP BY 1, 2, 3), '
        || 'kept AS (INSERT INTO incident_days AS t (event_day, event_type, country, starts, ends) '
        || 'SELECT event_day, event_type, country, s, e FROM g WHERE s <> 0 OR e <> 0 ORDER BY 1, 2, 3 '
        || 'ON CONFLICT (event_day, event_type, country) DO UPDATE SET starts = t.starts + EXCLUDED.starts, ends = t.ends + EXCLUDED.ends) '
        || 'INSERT INTO incident_months AS t (event_month, event_type, country, starts, ends) '
        || 'SELECT CAST(date_trunc(''month'', event_day) AS date), event_type, country, sum(s), sum(e) FROM g '
        || 'GROUP BY 1, 2, 3 HAVING sum(s) <> 0 OR sum(e) <> 0 ORDER BY 1, 2, 3 '
        || 'ON CONFLICT (event_month, event_type, country) DO UPDATE SET starts = t.starts + EXCLUDED.starts, ends = t.ends + EXCLUDED.ends'];
END
$$;

CREATE OR REPLACE FUNCTION incident_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_cells;
    DELETE FROM incident_cell_totals;
    DELETE FROM incident_days;
    DELETE FROM incident_months;
    RETURN NULL;
END
$$;

-- What is kept already.
INSERT INTO incident_months (event_month, event_type, country, starts, ends)
SELECT CAST(date_trunc('month', event_day) AS date), event_type, country, sum(starts), sum(ends) FROM incident_days
GROUP BY 1, 2, 3 HAVING sum(starts) <> 0 OR sum(ends) <> 0;
INSERT INTO incident_cell_totals (level, cx, cy, incidents)
SELECT level, cx, cy, sum(incidents) FROM incident_cells GROUP BY 1, 2, 3 HAVING sum(incidents) <> 0;
ANALYZE incident_months;
ANALYZE incident_cell_totals;

-- V13_1's bbox count (atlas_box_count), the runs of cells read from the per-cell totals when no type is asked for
-- (each branch its own statement, so each keeps its own generic plan). A new name, so that a service built before
-- V14 still runs the function it was measured with on a migrated database; atlas_box_count can go once none is left.
CREATE FUNCTION atlas_kept_box_count(
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
