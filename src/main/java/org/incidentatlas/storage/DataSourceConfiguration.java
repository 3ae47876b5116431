package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The service's one {@link DataSource}: the primary's pool, and, when {@code atlas.db.read-url}
 * ({@code INCIDENT_DB_READ_URL}) names streaming replicas, a second pool that serves read-only
 * transactions. Spring's {@link LazyConnectionDataSourceProxy} makes that choice when a
 * transaction's first statement runs, so the stores stay as they are: everything goes to the
 * primary (writes, reads outside a transaction, reads inside a write), and only the read paths
 * that run in a read-only transaction — pages of items, an item, a count — may be served by a
 * replica. A replica that is unreachable or lags more than {@code atlas.db.read-max-lag-seconds}
 * is passed over for the primary ({@link ReplicaLag}).
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    @Bean
    Reconnection reconnection() {
        return new Reconnection();
    }

    @Bean
    DatabasePools databasePools(DataSourceProperties properties, Environment environment,
                                ReplicaSettings settings, Reconnection reconnection) {
        String readUrl = settings.readUrl();
        String readUser = settings.readUser();
        String readPassword = settings.readPassword();
        HikariDataSource primary = pool(properties.getUrl(), properties.getUsername(), properties.getPassword(), environment, "primary", reconnection);
        if (readUrl == null || readUrl.isBlank()) {
            return new DatabasePools(primary, null);
        }
        if (!readUrl.startsWith("jdbc:postgresql:")) {
            primary.close();
            throw new IllegalStateException("atlas.db.read-url (INCIDENT_DB_READ_URL) must be a jdbc:postgresql: URL of streaming "
                    + "replicas, not " + readUrl);
        }
        HikariDataSource replica = pool(readUrl.trim(), readUser.isBlank() ? properties.getUsername() : readUser,
                readUser.isBlank() ? properties.getPassword() : readPassword, environment, "replica", reconnection);
        replica.setReadOnly(true);
        return new DatabasePools(primary, replica);
    }

    @Bean
    ReplicaLag replicaLag(DatabasePools pools, ReplicaSettings settings) {
        return new ReplicaLag(pools.primary(), pools.replica(), settings.readMaxLagSeconds(), settings.readLagCheckMs());
    }

    @Bean
    DataSource dataSource(DatabasePools pools, ReplicaLag lag) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(pools.primary());
        // set, so that the proxy does not open a connection at start-up to learn them
        proxy.setDefaultAutoCommit(true);
        proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        if (pools.replica() != null) {
            proxy.setReadOnlyDataSource(new ReplicaOrPrimary(pools.replica(), pools.primary(), lag));
        }
        return proxy;
    }

    /** A Hikari pool with the {@code spring.datasource.hikari.*} settings. */
    private static HikariDataSource pool(String url, String user, String password, Environment environment, String name,
                                         Reconnection reconnection) {
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(name);
        reconnection.watch(pool);
        // PostgreSQL compiles a plan whose cost estimate is high with JIT, which alone takes 100 ms and more
        // (docs/BENCHMARKS.md, border proximity); the service's queries run in milliseconds, so its connections do without.
        // Custom plans always: the driver prepares a statement on the server after five runs, and PostgreSQL's generic
        // plan for a page with a bbox cannot tell a box of ten matches (spatial index, then sort) from one of 100,000
        // (walk the ids, test each): it sorted every match of a large box, 0.7-0.8 s a page at 1M (issue 13).
        if (url != null && url.startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql("SELECT set_config('jit', 'off', false), set_config('plan_cache_mode', 'force_custom_plan', false)");
        }
        return pool;
    }

    /** The pools behind the service's DataSource; closed with the application. */
    public record DatabasePools(HikariDataSource primary, HikariDataSource replica) implements AutoCloseable {

        /**
         * Whether every pool can hand out a connection that answers now (each within its connection timeout). Asked
         * only after a database call failed, to tell an outage the driver reports in an unexpected way from a bug.
         */
        public boolean answering() {
            return answers(primary) && (replica == null || answers(replica));
        }

        private static boolean answers(DataSource pool) {
            try (Connection c = pool.getConnection()) {
                return c.isValid(1);
            } catch (SQLException | RuntimeException unreachable) {
                return false;
            }
        }

        @Override
        public void close() {
            if (replica != null) {
                replica.close();
            }
            primary.close();
        }
    }
}
