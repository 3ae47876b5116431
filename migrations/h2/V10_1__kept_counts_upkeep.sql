-- Keeps the counts of V10 (common) in step with incidents, in the writing transaction, by a Java row
-- trigger (incidents.KeptCountsTrigger) whose cell arithmetic the functions below share, so queries
-- and trigger agree on every point's cell.
CREATE ALIAS atlas_mercator_x DETERMINISTIC FOR 'org.incidentatlas.incidents.MercatorCells.x';
CREATE ALIAS atlas_mercator_y DETERMINISTIC FOR 'org.incidentatlas.incidents.MercatorCells.y';
CREATE ALIAS atlas_cell_x DETERMINISTIC FOR 'org.incidentatlas.incidents.MercatorCells.cellX';
CREATE ALIAS atlas_cell_y DETERMINISTIC FOR 'org.incidentatlas.incidents.MercatorCells.cellY';

-- What is stored already.
INSERT INTO incident_cells (level, cx, cy, event_type, incidents, fatalities, sum_x, sum_y)
SELECT l.lv, atlas_cell_x(ST_X(p), l.lv), atlas_cell_y(ST_Y(p), l.lv), event_type, count(*), sum(COALESCE(fatalities, 0)),
       sum(atlas_mercator_x(ST_X(p))), sum(atlas_mercator_y(ST_Y(p)))
FROM (SELECT ST_PointOnSurface(geom) AS p, event_type, fatalities FROM incidents) i
CROSS JOIN (SELECT X AS lv FROM SYSTEM_RANGE(7, 15, 2)) l
GROUP BY l.lv, atlas_cell_x(ST_X(p), l.lv), atlas_cell_y(ST_Y(p), l.lv), event_type;

INSERT INTO incident_days (event_day, event_type, country, starts, ends)
SELECT event_day, event_type, country, sum(s), sum(e) FROM (
    SELECT event_date AS event_day, event_type, COALESCE(CAST(country AS VARCHAR(3)), '') AS country, 1 AS s, 0 AS e FROM incidents
    UNION ALL
    SELECT event_last_date, event_type, COALESCE(CAST(country AS VARCHAR(3)), ''), 0, 1 FROM incidents) x
GROUP BY event_day, event_type, country;

CREATE TRIGGER incidents_kept_counts AFTER INSERT, UPDATE, DELETE ON incidents
    FOR EACH ROW CALL 'org.incidentatlas.incidents.KeptCountsTrigger';
