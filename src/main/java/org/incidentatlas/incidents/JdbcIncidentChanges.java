package org.incidentatlas.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change log (table {@code incident_changes}, filled by the triggers of migration V11) read in pages, joined to
 * the incidents as they now are. Only changes whose transaction ended before every transaction still running are
 * served (PostgreSQL: {@code pg_snapshot_xmin}; H2 serialises its writers), so a cursor never passes a change that
 * commits later. That also holds when reads switch between the primary and a lagging replica: a change the replica
 * has not replayed belongs to a transaction still running there.
 */
final class JdbcIncidentChanges implements IncidentChanges {

    private static final String ORDER = "c.change_xid, c.change_seq";

    private final JdbcIncidentStore store;
    private final DatabaseBackend backend;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writes;

    JdbcIncidentChanges(JdbcIncidentStore store, DatabaseBackend backend, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.store = store;
        this.backend = backend;
        this.jdbc = jdbc;
        this.streaming = KeysetPages.streaming(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writes = new TransactionTemplate(transactions);
    }

    @Override
    public ChangePage page(IncidentFilter filter, SyncCursor cursor, int limit, Consumer<IncidentChange> sink) {
        return readOnly.execute(status -> {
            long visibleBelow = visibleTransactionsBelow();
            // purged tombstones were positions too (of ended transactions): nothing new will come before them
            ChangePosition horizon = horizon(false);
            SyncCursor from = cursor != null ? cursor
                    : new SyncCursor(ChangePosition.START, newest(visibleBelow).filter(n -> n.after(horizon)).orElse(horizon));
            SqlWhere condition = store.condition(filter);
            List<Object> args = new ArrayList<>(condition.args());
            args.add(from.position().xid());
            args.add(from.position().seq());
            args.add(visibleBelow);
            args.add(limit + 1);
            String join = condition.conditions().isEmpty() ? "" : " AND " + String.join(" AND ", condition.conditions());
            String sql = "SELECT c.change_xid, c.change_seq, c.incident_id, incidents.id IS NOT NULL AS present, " + JdbcIncidentStore.COLUMNS
                    + " FROM incident_changes c LEFT JOIN incidents ON incidents.id = c.incident_id" + join
                    + " WHERE (c.change_xid, c.change_seq) > (?, ?) AND c.change_xid < ? ORDER BY " + ORDER
                    + " FETCH FIRST ? ROWS ONLY";
            Walk walk = new Walk(from, horizon, limit, sink);
            streaming.query(sql, walk::row, args.toArray());
            return walk.page();
        });
    }

    /** Follows one page: which rows go to the sink and where the next page starts. */
    private final class Walk {
        private final SyncCursor from;
        private final ChangePosition horizon;
        private final int limit;
        private final Consumer<IncidentChange> sink;
        private final RowMapper<Incident> incidents = store.mapper();
        private ChangePosition last;
        private int scanned;
        private int returned;

        Walk(SyncCursor from, ChangePosition horizon, int limit, Consumer<IncidentChange> sink) {
            this.from = from;
            this.horizon = horizon;
            this.limit = limit;
            this.sink = sink;
            this.last = from.position();
        }

        void row(ResultSet rs) throws SQLException {
            if (++scanned > limit) {
                return; // the look-ahead row: there is more
            }
            last = new ChangePosition(rs.getLong("change_xid"), rs.getLong("change_seq"));
            long id = rs.getLong("incident_id");
            if (rs.getBoolean("present")) {
                sink.accept(new IncidentChange(last, id, incidents.mapRow(rs, scanned)));
                returned++;
            } else if (from.fullCopyHead() == null || last.after(from.fullCopyHead())) {
                // within a first copy up to its head, the mirror never had this incident
                sink.accept(new IncidentChange(last, id, null));
                returned++;
            }
        }

        ChangePage page() {
            boolean caughtUp = scanned <= limit;
            // caught up, a mirror stands past the purged tombstones too: its cursor stays usable after the purge
            ChangePosition at = caughtUp && horizon.after(last) ? horizon : last;
            ChangePosition head = from.fullCopyHead();
            SyncCursor next = new SyncCursor(at, head == null || !head.after(at) ? null : head);
            return new ChangePage(returned, next, caughtUp);
        }
    }

    /** Transactions with a smaller id have ended: their changes are all there is from them. */
    private long visibleTransactionsBelow() {
        if (backend == DatabaseBackend.H2GIS) {
            return Long.MAX_VALUE; // writers are serialised: what is committed is a prefix of the order
        }
        Long xmin = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
        return xmin == null ? 0 : xmin;
    }

    /** The newest change a reader may be served now. */
    private Optional<ChangePosition> newest(long visibleBelow) {
        return jdbc.query("SELECT change_xid, change_seq FROM incident_changes WHERE change_xid < ? "
                        + "ORDER BY change_xid DESC, change_seq DESC FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new ChangePosition(rs.getLong(1), rs.getLong(2)), visibleBelow).stream().findFirst();
    }

    @Override
    public void check(SyncCursor cursor) {
        ChangePosition horizon = horizon(false);
        if (horizon.after(cursor.needsTombstonesAfter())) {
            throw new CursorExpiredException(horizon);
        }
        ChangePosition newest = newest(Long.MAX_VALUE).filter(n -> n.after(horizon)).orElse(horizon);
        if (cursor.position().after(newest) || (cursor.fullCopyHead() != null && cursor.fullCopyHead().after(newest))) {
            throw new IllegalArgumentException("since '" + cursor.token() + "' is past the newest change (" + newest.token()
                    + "): use a cursor from a changes response of this service");
        }
    }

    private ChangePosition horizon(boolean lock) {
        return jdbc.queryForObject("SELECT change_xid, change_seq FROM incident_change_horizon WHERE id = 1" + (lock ? " FOR UPDATE" : ""),
                (rs, n) -> new ChangePosition(rs.getLong(1), rs.getLong(2)));
    }

    @Override
    public int purgeTombstones(Duration retention) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return writes.execute(status -> {
            // one purge at a time, also across instances: the horizon only moves forward
            ChangePosition horizon = horizon(true);
            // only tombstones readers could be served: every change made later comes after the horizon
            Optional<ChangePosition> newestPurged = jdbc.query("SELECT change_xid, change_seq FROM incident_changes "
                            + "WHERE deleted AND changed_at < ? AND change_xid < ? "
                            + "ORDER BY change_xid DESC, change_seq DESC FETCH FIRST 1 ROWS ONLY",
                    (rs, n) -> new ChangePosition(rs.getLong(1), rs.getLong(2)), before, visibleTransactionsBelow()).stream().findFirst();
            if (newestPurged.isEmpty()) {
                return 0;
            }
            int purged = jdbc.update("DELETE FROM incident_changes WHERE deleted AND changed_at < ? AND (change_xid, change_seq) <= (?, ?)",
                    before, newestPurged.get().xid(), newestPurged.get().seq());
            if (newestPurged.get().after(horizon)) {
                jdbc.update("UPDATE incident_change_horizon SET change_xid = ?, change_seq = ? WHERE id = 1",
                        newestPurged.get().xid(), newestPurged.get().seq());
            }
            return purged;
        });
    }
}
