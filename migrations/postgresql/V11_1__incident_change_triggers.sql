-- The change log's triggers on PostgreSQL: statement triggers over transition tables (one INSERT … SELECT per
-- statement, also for a million-row load). A number is taken when the row is written but becomes visible at
-- COMMIT, so the writing transaction's id is logged too: readers serve only changes of transactions older than
-- every transaction still running (pg_snapshot_xmin), in (transaction, number) order — a cursor never passes a
-- change that commits later.
CREATE FUNCTION log_incident_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx bigint := pg_current_xact_id()::text::bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO incident_changes AS c (incident_id, change_xid, change_seq, deleted, changed_at)
        SELECT n.id, tx, nextval('incident_change_seq'), false, now() FROM new_rows n ORDER BY n.id
        ON CONFLICT (incident_id) DO UPDATE SET change_xid = EXCLUDED.change_xid, change_seq = EXCLUDED.change_seq,
            deleted = false, changed_at = EXCLUDED.changed_at;
    ELSIF TG_OP = 'UPDATE' THEN
        -- a rewrite to the same values (a border recompute that finds the same metrics) is no change
        INSERT INTO incident_changes AS c (incident_id, change_xid, change_seq, deleted, changed_at)
        SELECT n.id, tx, nextval('incident_change_seq'), false, now()
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.*)::text IS DISTINCT FROM (o.*)::text ORDER BY n.id
        ON CONFLICT (incident_id) DO UPDATE SET change_xid = EXCLUDED.change_xid, change_seq = EXCLUDED.change_seq,
            deleted = false, changed_at = EXCLUDED.changed_at;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO incident_changes AS c (incident_id, change_xid, change_seq, deleted, changed_at)
        SELECT o.id, tx, nextval('incident_change_seq'), true, now() FROM old_rows o ORDER BY o.id
        ON CONFLICT (incident_id) DO UPDATE SET change_xid = EXCLUDED.change_xid, change_seq = EXCLUDED.change_seq,
            deleted = true, changed_at = EXCLUDED.changed_at;
    ELSE
        -- TRUNCATE: every incident still alive becomes a tombstone
        UPDATE incident_changes SET change_xid = tx, change_seq = nextval('incident_change_seq'), deleted = true,
            changed_at = now()
        WHERE NOT deleted;
    END IF;
    RETURN NULL;
END
$$;

-- transition tables allow one event per trigger
CREATE TRIGGER incidents_changes_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_incident_changes();
CREATE TRIGGER incidents_changes_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_incident_changes();
CREATE TRIGGER incidents_changes_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_incident_changes();
CREATE TRIGGER incidents_changes_truncate AFTER TRUNCATE ON incidents
    FOR EACH STATEMENT EXECUTE FUNCTION log_incident_changes();

-- the numbers of later changes follow those of the incidents logged at creation (numbered by id)
SELECT setval('incident_change_seq', coalesce((SELECT max(change_seq) FROM incident_changes), 0) + 1, false);
