-- Coordination between several service instances on one database (issue 15): nothing that must happen once is
-- decided inside one JVM.

-- The version of the border layers, bumped in the transaction of every border change: an instance whose
-- in-memory border snapshot is older reloads it before measuring.
CREATE TABLE border_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO border_version (id, version) VALUES (1, 0);

-- Leases for work that runs on one instance at a time. A holder renews its lease while it works; a lease past
-- expires_at is free, and the next instance resumes from the recorded progress (after_id).
CREATE TABLE job_leases (
    name VARCHAR(64) PRIMARY KEY,
    holder VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE,
    run_number BIGINT DEFAULT 0 NOT NULL,
    run_state VARCHAR(16) DEFAULT 'idle' NOT NULL,
    reason VARCHAR(500),
    pending_reason VARCHAR(500),
    target_version BIGINT DEFAULT 0 NOT NULL,
    done_version BIGINT DEFAULT 0 NOT NULL,
    after_id BIGINT DEFAULT 0 NOT NULL,
    total_count BIGINT DEFAULT 0 NOT NULL,
    done_count BIGINT DEFAULT 0 NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    error VARCHAR(2000)
);
-- the border-metrics recompute; dataset-loads is only locked (FOR UPDATE) by instances loading committed data at start
INSERT INTO job_leases (name) VALUES ('border-metrics');
INSERT INTO job_leases (name) VALUES ('dataset-loads');
