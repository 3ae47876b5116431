package org.incidentatlas.storage;

/**
 * Where the Flyway migrations are on the class path (the top-level {@code migrations/} folder): {@code common} holds
 * what both backends run alike, {@code postgresql} and {@code h2} what differs. Versions are unique across the
 * three folders, so one history reads the same on both backends.
 */
public final class Migrations {

    private Migrations() {
    }

    /** The locations for one backend's vendor folder ({@code postgresql} or {@code h2}). */
    public static String[] locations(String vendor) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }
}
