package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's statement trigger (migration V9) that moves the data version on after a write to
 * incidents, places or borders, in the writing transaction, as the PostgreSQL trigger does.
 */
public class DataVersionTrigger implements Trigger {

    /** H2's "commit or rollback is not allowed within a trigger". */
    private static final int COMMIT_IN_TRIGGER = 90058;

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE data_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            // a write in auto-commit mode: the update is done, only its own commit is refused; the writing
            // statement's commit carries it
            if (e.getErrorCode() != COMMIT_IN_TRIGGER) {
                throw e;
            }
        }
    }
}
