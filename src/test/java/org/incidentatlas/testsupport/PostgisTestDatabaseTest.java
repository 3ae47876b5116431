package org.incidentatlas.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.incidentatlas.testsupport.PostgisTestDatabase.DbCoordinates;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness gives a real PostGIS. Skipped (loudly) where PostGIS is not installed, except with CI=true, where
 * {@link PostgisTestDatabase#shared()} throws and these tests fail instead.
 */
class PostgisTestDatabaseTest {

    private static Connection open(DbCoordinates db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), "no row from: " + sql);
            return rs.getString(1);
        }
    }

    private static long userTableCount(Connection c) throws SQLException {
        // PostGIS itself adds the table public.spatial_ref_sys (and some views); any other table is leftover data.
        return Long.parseLong(queryString(c, """
                SELECT count(*) FROM information_schema.tables
                 WHERE table_type = 'BASE TABLE'
                   AND table_schema NOT IN ('pg_catalog', 'information_schema')
                   AND table_name <> 'spatial_ref_sys'
                """));
    }

    @Test
    void sharedIsOneServerPerJvm() {
        assertSame(PostgisTestDatabase.shared(), PostgisTestDatabase.shared());
    }

    @Test
    void twoDatabasesAreDistinctAndEmpty() throws SQLException {
        PostgisTestDatabase server = PostgisTestDatabase.shared();
        DbCoordinates a = server.createDatabase("twoDatabases A");
        DbCoordinates b = server.createDatabase("twoDatabases A");
        assertNotEquals(a.jdbcUrl(), b.jdbcUrl());

        try (Connection ca = open(a); Connection cb = open(b)) {
            assertNotEquals(queryString(ca, "SELECT current_database()"), queryString(cb, "SELECT current_database()"));
            assertEquals(0, userTableCount(ca));
            assertEquals(0, userTableCount(cb));

            try (Statement st = ca.createStatement()) {
                st.execute("CREATE TABLE incident (id int PRIMARY KEY, geom geometry(Point, 4326))");
                st.execute("INSERT INTO incident VALUES (1, ST_SetSRID(ST_MakePoint(44.5, 40.2), 4326))");
            }
            assertEquals("1", queryString(ca, "SELECT count(*) FROM incident"));
            assertNull(queryString(cb, "SELECT to_regclass('public.incident')"), "data leaked between databases");
            assertEquals(0, userTableCount(cb));
        }

        DbCoordinates c = server.createDatabase("twoDatabases A");
        try (Connection cc = open(c)) {
            assertEquals(0, userTableCount(cc), "a new database must not inherit tables");
        }
    }

    @Test
    void awkwardNameHintsAreSanitised() throws SQLException {
        PostgisTestDatabase server = PostgisTestDatabase.shared();
        for (String hint : new String[] {null, "", "42 Robert'); DROP TABLE students;--",
                "Ünïcödé \"quoted\" name that is much, much longer than sixty-three characters in total"}) {
            DbCoordinates db = server.createDatabase(hint);
            try (Connection c = open(db)) {
                String name = queryString(c, "SELECT current_database()");
                assertTrue(name.matches("[a-z][a-z0-9_]{0,62}"), name);
                assertTrue(db.jdbcUrl().contains("/" + name), db.jdbcUrl());
            }
        }
    }

    @Test
    void postgisFullVersionAnswers() throws SQLException {
        DbCoordinates db = PostgisTestDatabase.shared().createDatabase("postgis_version");
        try (Connection c = open(db)) {
            String version = queryString(c, "SELECT postgis_full_version()");
            assertNotNull(version);
            assertTrue(version.contains("POSTGIS="), version);
            assertFalse(version.isBlank());
        }
    }

    @Test
    void geographyDistanceIsAboutElevenKilometres() throws SQLException {
        DbCoordinates db = PostgisTestDatabase.shared().createDatabase("geography_distance");
        try (Connection c = open(db)) {
            double metres = Double.parseDouble(queryString(c,
                    "SELECT ST_Distance('POINT(44.5 40.2)'::geography, 'POINT(44.5 40.3)'::geography)"));
            // 0.1 degree of latitude at ~40.25 N on the WGS 84 spheroid: ~11 104 m
            assertEquals(11_100.0, metres, 60.0);
        }
    }
}
