package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The DataSource of read-only transactions: the replica while {@link ReplicaLag} finds it close
 * enough, else the primary — a stale or missing replica makes reads slower, never wrong or failed.
 */
final class ReplicaOrPrimary extends DelegatingDataSource {

    private final DataSource primary;
    private final ReplicaLag lag;

    ReplicaOrPrimary(DataSource replica, DataSource primary, ReplicaLag lag) {
        super(replica);
        this.primary = primary;
        this.lag = lag;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!lag.usable()) {
            return primary.getConnection();
        }
        try {
            return obtainTargetDataSource().getConnection();
        } catch (SQLException replicaDown) {
            return primary.getConnection();
        }
    }
}
