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

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE data_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
