-- One counter that every committed change of incidents, places or borders moves on: the ETag of
-- vector tiles, cheap to read. Bumped inside the writing transaction (not a sequence), so a
-- reader never sees the new version before the new data.
CREATE TABLE data_version (
    id       smallint PRIMARY KEY CHECK (id = 1),
    version  bigint   NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER incidents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incidents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER places_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER borders_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON borders
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
