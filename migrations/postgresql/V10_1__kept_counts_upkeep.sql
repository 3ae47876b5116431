-- Keeps the counts of V10 (common) in step with every write: see there for what they hold.

-- Spherical Mercator metres as the tile renderers compute them; the poles nudged so the logarithm
-- stays finite (such points fall outside every tile either way).
CREATE FUNCTION atlas_mercator_x(lon double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT radians(lon) * 6378137.0 $$;
CREATE FUNCTION atlas_mercator_y(lat double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ln(tan(pi() / 4 + radians(greatest(-89.999999, least(89.999999, lat))) / 2)) * 6378137.0 $$;
-- The cell (the tile of zoom = level, rows from the north) holding a longitude / latitude.
CREATE FUNCTION atlas_cell_x(lon double precision, level integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(floor((atlas_mercator_x(lon) + pi() * 6378137.0) / (2 * pi() * 6378137.0 / 2 ^ level)) AS integer) $$;
CREATE FUNCTION atlas_cell_y(lat double precision, level integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(floor((pi() * 6378137.0 - atlas_mercator_y(lat)) / (2 * pi() * 6378137.0 / 2 ^ level)) AS integer) $$;

-- The statements adding the rows of a query (sign, event_type, country, event_date, event_last_date, fatalities, geom)
-- to the kept counts: grouped, so a million-row INSERT ... SELECT writes each cell and day once;
-- in key order, so concurrent writers lock shared rows in the same order; groups whose sums do not
-- move (an update that kept place, type, day and fatalities) are not written at all.
-- The statements are returned, not run: a trigger's transition tables are visible only to statements
-- the trigger function itself executes.
CREATE FUNCTION incident_counts_statements(delta text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN ARRAY['WITH d AS (SELECT sign, event_type, coalesce(fatalities, 0) AS f, ST_X(p) AS lon, ST_Y(p) AS lat '
        || 'FROM (SELECT *, ST_PointOnSurface(geom) AS p FROM (' || delta || ') r) q) '
        || 'INSERT INTO incident_cells AS c (level, cx, cy, event_type, incidents, fatalities, sum_x, sum_y) '
        || 'SELECT l.level, atlas_cell_x(lon, l.level), atlas_cell_y(lat, l.level), event_type, sum(sign), sum(sign * f), '
        || 'sum(sign * atlas_mercator_x(lon)), sum(sign * atlas_mercator_y(lat)) '
        || 'FROM d CROSS JOIN (VALUES (7), (9), (11), (13), (15)) AS l(level) GROUP BY 1, 2, 3, 4 '
        || 'HAVING sum(sign) <> 0 OR sum(sign * f) <> 0 OR sum(sign * atlas_mercator_x(lon)) <> 0 '
        || 'OR sum(sign * atlas_mercator_y(lat)) <> 0 ORDER BY 1, 2, 3, 4 '
        || 'ON CONFLICT (level, cx, cy, event_type) DO UPDATE SET incidents = c.incidents + EXCLUDED.incidents, '
        || 'fatalities = c.fatalities + EXCLUDED.fatalities, '
        -- an emptied cell starts its sums again from zero: no rounding residue left behind
        || 'sum_x = CASE WHEN c.incidents + EXCLUDED.incidents = 0 THEN 0 ELSE c.sum_x + EXCLUDED.sum_x END, '
        || 'sum_y = CASE WHEN c.incidents + EXCLUDED.incidents = 0 THEN 0 ELSE c.sum_y + EXCLUDED.sum_y END',
        'WITH d AS (' || delta || ') '
        || 'INSERT INTO incident_days AS t (event_day, event_type, country, starts, ends) '
        || 'SELECT event_day, event_type, country, sum(s), sum(e) FROM ('
        || 'SELECT event_date AS event_day, event_type, coalesce(CAST(country AS varchar(3)), '''') AS country, sign AS s, 0 AS e FROM d '
        || 'UNION ALL SELECT event_last_date, event_type, coalesce(CAST(country AS varchar(3)), ''''), 0, sign FROM d) x '
        || 'GROUP BY 1, 2, 3 HAVING sum(s) <> 0 OR sum(e) <> 0 ORDER BY 1, 2, 3 '
        || 'ON CONFLICT (event_day, event_type, country) DO UPDATE SET starts = t.starts + EXCLUDED.starts, ends = t.ends + EXCLUDED.ends'];
END
$$;

-- Statement triggers with transition tables (one per event: PostgreSQL allows transition tables
-- only on single-event triggers). Every write path keeps the counts: the store, re-extraction,
-- deletes, a bulk SQL load.
CREATE FUNCTION incident_counts_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    columns constant text := 'event_type, country, event_date, event_last_date, fatalities, geom';
    delta text;
    statement text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        delta := 'SELECT 1 AS sign, ' || columns || ' FROM new_rows';
    ELSIF TG_OP = 'DELETE' THEN
        delta := 'SELECT -1 AS sign, ' || columns || ' FROM old_rows';
    ELSE
        delta := 'SELECT -1 AS sign, ' || columns || ' FROM old_rows UNION ALL SELECT 1, ' || columns || ' FROM new_rows';
    END IF;
    FOREACH statement IN ARRAY incident_counts_statements(delta) LOOP
        EXECUTE statement;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION incident_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_cells;
    DELETE FROM incident_days;
    RETURN NULL;
END
$$;

CREATE TRIGGER incidents_counts_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_on_write();
CREATE TRIGGER incidents_counts_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_on_write();
CREATE TRIGGER incidents_counts_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_on_write();
CREATE TRIGGER incidents_counts_truncate AFTER TRUNCATE ON incidents
    FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_on_truncate();

-- What is stored already.
DO $$
DECLARE
    statement text;
BEGIN
    FOREACH statement IN ARRAY incident_counts_statements(
            'SELECT 1 AS sign, event_type, country, event_date, event_last_date, fatalities, geom FROM incidents') LOOP
        EXECUTE statement;
    END LOOP;
END
$$;

-- Incidents that are lines or areas: the boundary correction of a bbox count finds them here
-- without walking every point in the box (H2 has no partial indexes: PostGIS only).
CREATE INDEX incidents_area_gix ON incidents USING gist (geom) WHERE ST_Dimension(geom) > 0;
