package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** The two databases the service runs on; each capability picks its SQL by this. */
public enum DatabaseBackend {
    /** PostgreSQL with PostGIS: production. */
    POSTGIS,
    /** H2 with H2GIS: the embedded default. */
    H2GIS;

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
