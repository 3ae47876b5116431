package org.incidentatlas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.incidentatlas.testsupport.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every PostgreSQL connection of the service's DataSource runs with custom plans always and without JIT, set by the
 * connection itself (DataSourceConfiguration), whatever the server's defaults: a generic plan sorted every match of a
 * large bbox, and JIT compiled plans for 100 ms and more (issue 13).
 */
@OnPostgis("connsettings")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "atlas.demo-data=false")
class ConnectionSettingsOnPostgisTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyConnectionOfThePoolHasCustomPlansAndNoJit() throws SQLException {
        // held at once, so they are distinct connections of the pool
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection c = dataSource.getConnection();
                held.add(c);
                assertThat(setting(c, "plan_cache_mode")).isEqualTo("force_custom_plan session");
                assertThat(setting(c, "jit")).isEqualTo("off session");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void readOnlyTransactionsOfTheReadPathHaveThemToo() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> settings = readOnly.execute(status -> jdbc.queryForList(
                "SELECT setting || ' ' || source FROM pg_settings WHERE name IN ('plan_cache_mode', 'jit', 'transaction_read_only') "
                        + "ORDER BY name", String.class));
        assertThat(settings).containsExactly("off session", "force_custom_plan session", "on session");
    }

    /** The value and where it came from: "session" only when the connection set it. */
    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting || ' ' || source FROM pg_settings WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
