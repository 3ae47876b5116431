package org.incidentatlas.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

import org.h2.api.Trigger;

/**
 * H2's row trigger (migration V11.1) that logs each change of an incident in {@code incident_changes}, in the writing
 * transaction, as PostgreSQL's statement triggers do. It locks the {@code data_version} row before it takes a number:
 * the writers of incidents are then serialised until COMMIT, so change numbers become visible in their own order.
 */
public class IncidentChangeTrigger implements Trigger {

    /** H2's "commit or rollback is not allowed within a trigger" (see storage.DataVersionTrigger). */
    private static final int COMMIT_IN_TRIGGER = 90058;

    /** Writers on H2 are serialised: one transaction order, logged as transaction 1 (0 is the initial fill). */
    static final long SERIAL_XID = 1;

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && Arrays.deepEquals(oldRow, newRow)) {
            return; // rewritten to the same values: no change for mirrors
        }
        Object[] row = newRow != null ? newRow : oldRow;
        long id = ((Number) row[0]).longValue();
        execute(conn, "SELECT version FROM data_version WHERE id = 1 FOR UPDATE", null, false);
        execute(conn, "MERGE INTO incident_changes (incident_id, change_xid, change_seq, deleted, changed_at) KEY (incident_id) "
                + "VALUES (?, " + SERIAL_XID + ", NEXT VALUE FOR incident_change_seq, ?, CURRENT_TIMESTAMP)", id, newRow == null);
    }

    private static void execute(Connection conn, String sql, Long id, boolean deleted) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
                ps.setBoolean(2, deleted);
            }
            ps.execute();
        } catch (SQLException e) {
            // a write in auto-commit mode: the statement is done, only its own commit is refused; the writing
            // statement's commit carries it
            if (e.getErrorCode() != COMMIT_IN_TRIGGER) {
                throw e;
            }
        }
    }
}
