package org.incidentatlas.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row of {@code job_leases}: who runs a job now, until when, and how far it got. Every change is one
 * conditional UPDATE on the row, so two instances never both hold it, and a holder that stopped renewing (it
 * crashed) loses it when its time is up. Plain SQL both backends understand; the times are the database's clock,
 * not the instances'.
 */
class JobLease {

    private static final String EXPIRY = "CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND";

    /** The row as read. */
    record Row(String holder, long run, String state, String reason, long targetVersion, long doneVersion, long afterId,
               long total, long done, Instant startedAt, Instant finishedAt, String error) {
    }

    private final JdbcTemplate jdbc;
    private final String name;

    JobLease(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    Row read() {
        return jdbc.queryForObject("SELECT holder, run_number, run_state, reason, target_version, done_version, after_id, "
                + "total_count, done_count, started_at, finished_at, error FROM job_leases WHERE name = ?", (rs, n) -> map(rs), name);
    }

    /** Notes why the work is wanted (shown by the run that picks it up). */
    void note(String reason) {
        jdbc.update("UPDATE job_leases SET pending_reason = ? WHERE name = ?", clip(reason, 500), name);
    }

    /**
     * Takes the lease when it is free (or expired, or ours already) and work up to {@code version} is still to do;
     * the row as it is then, or empty when another instance holds it or there is nothing to do.
     */
    Optional<Row> acquire(String holder, long version, int seconds) {
        int taken = jdbc.update("UPDATE job_leases SET holder = ?, expires_at = " + EXPIRY + " WHERE name = ? AND done_version < ? "
                + "AND (holder IS NULL OR holder = ? OR expires_at < CURRENT_TIMESTAMP)", holder, seconds, name, version, holder);
        return taken == 1 ? Optional.of(read()) : Optional.empty();
    }

    /** Starts a new run towards {@code version}; its number. */
    long start(String holder, long version, long total, int seconds) {
        jdbc.update("UPDATE job_leases SET run_number = run_number + 1, run_state = 'running', reason = pending_reason, "
                + "target_version = ?, after_id = 0, total_count = ?, done_count = 0, started_at = CURRENT_TIMESTAMP, "
                + "finished_at = NULL, error = NULL, expires_at = " + EXPIRY + " WHERE name = ? AND holder = ?",
                version, total, seconds, name, holder);
        return read().run();
    }

    /** Records progress and renews the lease; false when the lease was lost (it expired and another instance took it). */
    boolean progress(String holder, long afterId, long done, long total, int seconds) {
        return jdbc.update("UPDATE job_leases SET after_id = ?, done_count = ?, total_count = ?, expires_at = " + EXPIRY
                + " WHERE name = ? AND holder = ?", afterId, done, total, seconds, name, holder) == 1;
    }

    /** The run reached its target: the work is done up to its version, and the lease is free. */
    void finish(String holder) {
        jdbc.update("UPDATE job_leases SET run_state = 'done', done_version = target_version, finished_at = CURRENT_TIMESTAMP, "
                + "holder = NULL, expires_at = NULL WHERE name = ? AND holder = ?", name, holder);
    }

    /** The run failed; the work stays to do (the next poll tries again) and the lease is free. */
    void fail(String holder, String error) {
        jdbc.update("UPDATE job_leases SET run_state = 'failed', error = ?, finished_at = CURRENT_TIMESTAMP, holder = NULL, "
                + "expires_at = NULL WHERE name = ? AND holder = ?", clip(error, 2000), name, holder);
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString("holder"), rs.getLong("run_number"), rs.getString("run_state"), rs.getString("reason"),
                rs.getLong("target_version"), rs.getLong("done_version"), rs.getLong("after_id"), rs.getLong("total_count"),
                rs.getLong("done_count"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
