package org.incidentatlas.ogcapi;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.incidentatlas.testsupport.OnPostgis;

/** The statement timeout on PostgreSQL: another session holds an exclusive lock on the incidents, so reads wait. */
@OnPostgis("timeout")
class StatementTimeoutOnPostgisTest extends StatementTimeoutContract {

    @Override
    AutoCloseable slowDown(DataSource dataSource) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE");
        }
        return () -> {
            c.rollback();
            c.close();
        };
    }

    @Override
    String slowRead() {
        return "/collections/incidents/items";
    }
}
