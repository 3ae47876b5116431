-- Incremental sync for mirrors (issue 13 point 4): the latest change of every incident that exists or was deleted,
-- in the order changes became visible. One row per incident (a newer change replaces the older one), so catching up
-- reads each changed incident once and the log never outgrows the incidents plus their tombstones.
-- Written only by the triggers of V11.1, so every write path (the store, ingestion, fusion, re-geocoding, border
-- recomputes, raw SQL) is logged in the writing transaction.
CREATE TABLE incident_changes (
    incident_id  bigint                   PRIMARY KEY,
    -- the writing transaction (PostgreSQL: its 64-bit id; H2: 1, writers being serialised) and the change number
    -- within the order; (change_xid, change_seq) is the sync cursor. 0: logged when the log was created.
    change_xid   bigint                   NOT NULL,
    change_seq   bigint                   NOT NULL,
    -- a tombstone: the incident was deleted
    deleted      boolean                  NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_changes_order_idx ON incident_changes (change_xid, change_seq);
-- finding tombstones past the retention
CREATE INDEX incident_changes_age_idx ON incident_changes (deleted, changed_at);

CREATE SEQUENCE incident_change_seq;

-- The newest position whose tombstones were purged: a cursor before it may have missed deletions (410 Gone).
CREATE TABLE incident_change_horizon (
    id          smallint PRIMARY KEY CHECK (id = 1),
    change_xid  bigint   NOT NULL,
    change_seq  bigint   NOT NULL
);
INSERT INTO incident_change_horizon (id, change_xid, change_seq) VALUES (1, 0, 0);

-- the incidents stored before the log existed, in id order, before every later change
INSERT INTO incident_changes (incident_id, change_xid, change_seq, deleted, changed_at)
SELECT id, 0, id, false, CURRENT_TIMESTAMP FROM incidents;
