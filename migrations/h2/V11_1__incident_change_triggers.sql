-- The change log's trigger on H2: a Java row trigger (IncidentChangeTrigger) that first locks the data_version row
-- (V9), which every writer of incidents takes anyway, and then numbers the change: writers are serialised until
-- COMMIT, so numbers become visible in their order and a cursor never passes a change that commits later.
CREATE TRIGGER incidents_changes AFTER INSERT, UPDATE, DELETE ON incidents
    FOR EACH ROW CALL 'org.incidentatlas.incidents.IncidentChangeTrigger';
