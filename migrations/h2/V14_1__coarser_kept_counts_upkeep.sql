-- Keeps the sums of V14 (common) in step with the counts of V10 they sum: a Java row trigger on each kept
-- table (incidents.CoarserCountsTrigger) adds every change of a day to its month and every change of a cell
-- to its total, inside the same transaction as the incident's write that made it.

-- What is kept already.
INSERT INTO incident_months (event_month, event_type, country, starts, ends)
SELECT CAST(DATE_TRUNC('MONTH', event_day) AS DATE), event_type, country, sum(starts), sum(ends) FROM incident_days
GROUP BY CAST(DATE_TRUNC('MONTH', event_day) AS DATE), event_type, country HAVING sum(starts) <> 0 OR sum(ends) <> 0;
INSERT INTO incident_cell_totals (level, cx, cy, incidents)
SELECT level, cx, cy, sum(incidents) FROM incident_cells GROUP BY level, cx, cy HAVING sum(incidents) <> 0;

CREATE TRIGGER incident_days_months AFTER INSERT, UPDATE, DELETE ON incident_days
    FOR EACH ROW CALL 'org.incidentatlas.incidents.CoarserCountsTrigger';
CREATE TRIGGER incident_cells_totals AFTER INSERT, UPDATE, DELETE ON incident_cells
    FOR EACH ROW CALL 'org.incidentatlas.incidents.CoarserCountsTrigger';
