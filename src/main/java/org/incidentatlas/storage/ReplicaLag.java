package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * How far the read replica is behind the primary, measured every {@code checkMillis}: bytes of WAL
 * not yet replayed (the primary's current LSN against the replica's replay LSN, so a replica that
 * lost its connection to the primary shows as behind), and, while behind, the seconds since the
 * last transaction it replayed. Reads go to the replica only while its last check found it
 * reachable and at most {@code maxLagSeconds} behind.
 */
public final class ReplicaLag implements AutoCloseable {

    /** One measurement; {@code error} set when the replica (or the primary) could not be asked. */
    public record Measurement(Instant at, boolean inRecovery, long lagBytes, double lagSeconds, String error) {
    }

    private final DataSource primary;
    private final DataSource replica;
    private final double maxLagSeconds;
    private final AtomicReference<Measurement> last = new AtomicReference<>();
    private final ScheduledExecutorService checker;

    ReplicaLag(DataSource primary, DataSource replica, double maxLagSeconds, long checkMillis) {
        this.primary = primary;
        this.replica = replica;
        this.maxLagSeconds = maxLagSeconds;
        if (replica == null) {
            checker = null;
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-lag");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(() -> last.set(measure()), 0, checkMillis, TimeUnit.MILLISECONDS);
    }

    public boolean configured() {
        return replica != null;
    }

    public double maxLagSeconds() {
        return maxLagSeconds;
    }

    /** The latest measurement, or empty before the first. */
    public java.util.Optional<Measurement> latest() {
        return java.util.Optional.ofNullable(last.get());
    }

    /** Whether reads may go to the replica now. */
    public boolean usable() {
        Measurement m = last.get();
        return m != null && m.error() == null && m.lagSeconds() <= maxLagSeconds;
    }

    /** Measures now. */
    public Measurement measure() {
        String primaryLsn;
        try (Connection c = primary.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
                     + "ELSE pg_current_wal_lsn() END::text")) {
            rs.next();
            primaryLsn = rs.getString(1);
        } catch (SQLException e) {
            return new Measurement(Instant.now(), false, -1, Double.NaN, "primary: " + e.getMessage());
        }
        // behind: the seconds since the last replayed transaction (its commit time on the primary)
        String sql = "SELECT pg_is_in_recovery(), lag, CASE WHEN lag <= 0 THEN 0 ELSE "
                + "COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0) END "
                + "FROM (SELECT CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(CAST(? AS pg_lsn), pg_last_wal_replay_lsn()) "
                + "ELSE 0 END AS lag) behind";
        try (Connection c = replica.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, primaryLsn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Measurement(Instant.now(), rs.getBoolean(1), Math.max(0, rs.getLong(2)), rs.getDouble(3), null);
            }
        } catch (SQLException e) {
            return new Measurement(Instant.now(), false, -1, Double.NaN, "replica: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
