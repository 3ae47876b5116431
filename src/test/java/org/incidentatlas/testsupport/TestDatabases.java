package org.incidentatlas.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.incidentatlas.storage.Migrations;

/** Fresh, migrated databases of both backends for tests: real H2GIS and real PostGIS, never mocks. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new in-memory H2 database, migrated with the packaged H2 migrations. */
    public static HikariDataSource h2gis(String nameHint) {
        String url = "jdbc:h2:mem:" + nameHint + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return migrated(pool(url, "sa", ""), "h2");
    }

    /** A new database on the test PostGIS server, migrated with the packaged PostgreSQL migrations. */
    public static HikariDataSource postgis(String nameHint) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase(nameHint);
        return migrated(pool(db.jdbcUrl(), db.user(), db.password()), "postgresql");
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static HikariDataSource migrated(HikariDataSource dataSource, String vendor) {
        migrate(dataSource, vendor);
        return dataSource;
    }

    public static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource).locations(Migrations.locations(vendor)).load().migrate();
    }
}
