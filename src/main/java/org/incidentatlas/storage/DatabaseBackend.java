package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The two databases the service runs on, decided once at start-up from the connection
 * ({@link StorageConfiguration}); every per-backend part (SQL, CQL, tiles) is chosen from it by an
 * exhaustive switch, so a third backend fails to compile until each part has its case.
 */
public enum DatabaseBackend {
    /** PostgreSQL with PostGIS: production. */
    POSTGIS(false),
    /** H2 with H2GIS: the embedded default. */
    H2GIS(true);

    private final boolean embedded;

    DatabaseBackend(boolean embedded) {
        this.embedded = embedded;
    }

    /** Runs inside the service's JVM (a trial or development install, where demo data helps). */
    public boolean embedded() {
        return embedded;
    }

    public static DatabaseBackend of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGIS;
            }
            if (product.contains("h2")) {
                return H2GIS;
            }
            throw new IllegalStateException("unsupported database '" + product + "': use PostgreSQL with PostGIS, or H2");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
