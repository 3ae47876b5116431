-- One counter that every committed change of incidents, places or borders moves on: the ETag of
-- vector tiles, cheap to read. Bumped inside the writing transaction, so a reader never sees the
-- new version before the new data (see the PostgreSQL migration).
CREATE TABLE data_version (
    id       smallint PRIMARY KEY CHECK (id = 1),
    version  bigint   NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE TRIGGER incidents_data_version AFTER INSERT, UPDATE, DELETE ON incidents
    FOR EACH STATEMENT CALL 'org.incidentatlas.storage.DataVersionTrigger';
CREATE TRIGGER places_data_version AFTER INSERT, UPDATE, DELETE ON places
    FOR EACH STATEMENT CALL 'org.incidentatlas.storage.DataVersionTrigger';
CREATE TRIGGER borders_data_version AFTER INSERT, UPDATE, DELETE ON borders
    FOR EACH STATEMENT CALL 'org.incidentatlas.storage.DataVersionTrigger';
