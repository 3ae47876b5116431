package org.incidentatlas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.incidentatlas.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Both backends migrated from an empty database end with the same schema: the same tables, the same columns with
 * types that map onto each other and the same nullability and lengths, the same named indexes and the same
 * constraints per table. What differs on purpose is listed here with the reason; anything else is a migration
 * written for one backend and forgotten on the other.
 */
class MigrationSchemasTest {

    /**
     * Indexes one backend has on purpose: PostGIS measures metres on a geography cast, which H2 cannot index; H2 has
     * no partial or covering indexes (the bbox count's point and shape indexes, its per-cell totals read by column).
     */
    private static final Set<String> POSTGIS_ONLY_INDEXES = Set.of("incidents.incidents_geog_gix",
            "incidents.incidents_point_lat_idx", "incidents.incidents_point_lon_idx", "incidents.incidents_shape_gix",
            "incident_cell_totals.incident_cell_totals_column_idx", "incidents.incidents_point_column_idx");
    /** Tables and views an extension makes, not a migration: PostGIS's and H2GIS's own, and Flyway's history. */
    private static final Set<String> NOT_OURS = Set.of("spatial_ref_sys", "flyway_schema_history", "geometry_columns",
            "geography_columns");

    /** Types whose length one catalog states and the other does not (H2 gives CLOB and JSON a maximum). */
    private static final Set<String> UNBOUNDED = Set.of("text", "json");

    private static HikariDataSource h2;
    private static HikariDataSource postgis;

    @BeforeAll
    static void migrateBoth() {
        h2 = TestDatabases.h2gis("schemas");
        postgis = TestDatabases.postgis("schemas");
    }

    @AfterAll
    static void close() {
        if (h2 != null) {
            h2.close();
        }
        if (postgis != null) {
            postgis.close();
        }
    }

    @Test
    void bothBackendsHaveTheSameTablesAndColumns() {
        Map<String, String> h2Columns = columns(h2, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'");
        Map<String, String> pgColumns = columns(postgis, "SELECT table_name, column_name,"
                + " CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END, is_nullable, character_maximum_length"
                + " FROM information_schema.columns WHERE table_schema = 'public'");
        assertThat(h2Columns.keySet().stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList())
                .as("tables").contains("incidents", "reports", "places", "borders", "border_distance_bands");
        assertThat(h2Columns).isEqualTo(pgColumns);
    }

    @Test
    void bothBackendsHaveTheSameIndexes() {
        Set<String> h2Indexes = names(h2, "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_TYPE_NAME <> 'PRIMARY KEY'"
                + " AND INDEX_NAME NOT LIKE 'CONSTRAINT%' AND INDEX_NAME NOT LIKE 'FK%'");
        Set<String> pgIndexes = names(postgis, "SELECT i.tablename, i.indexname FROM pg_indexes i WHERE i.schemaname = 'public'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)");
        pgIndexes.removeAll(POSTGIS_ONLY_INDEXES);
        assertThat(h2Indexes).isNotEmpty().isEqualTo(pgIndexes);
    }

    @Test
    void bothBackendsHaveTheSameConstraintsPerTable() {
        String query = "SELECT table_name, constraint_type, constraint_name FROM information_schema.table_constraints"
                + " WHERE lower(table_schema) = 'public'";
        assertThat(constraints(h2, query)).isEqualTo(constraints(postgis, query));
    }

    @Test
    void bothBackendsKeepAPointsCoordinatesInItsRowAndNoneForOtherGeometries() {
        for (DataSource db : List.of(h2, postgis)) {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            String insert = "INSERT INTO incidents (event_date, date_precision, event_type, geom, geo_precision, country, location_name)"
                    + " VALUES (DATE '2022-09-13', 'day', 'Battles', ST_GeomFromText(?, 4326), 1, 'ARM', 'schema test')";
            jdbc.update(insert, "POINT(45.61 40.27)");
            jdbc.update(insert, "LINESTRING(45.5 40.1, 45.7 40.3)");
            try {
                List<String> coordinates = jdbc.query("SELECT point_lon, point_lat FROM incidents WHERE location_name = 'schema test'"
                        + " ORDER BY id", (rs, i) -> rs.getObject(1) + " " + rs.getObject(2));
                assertThat(coordinates).as(db.toString()).containsExactly("45.61 40.27", "null null");
                jdbc.update("UPDATE incidents SET geom = ST_GeomFromText('POINT(46.01 39.5)', 4326) WHERE location_name = 'schema test'");
                assertThat(jdbc.queryForList("SELECT DISTINCT point_lat FROM incidents WHERE location_name = 'schema test'", Double.class))
                        .as("a moved incident's coordinates move with it").containsExactly(39.5);
            } finally {
                jdbc.update("DELETE FROM incidents WHERE location_name = 'schema test'");
            }
        }
    }

    @Test
    void aMigrationThatIsTheSameOnBothBackendsIsWrittenOnceInCommon() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("migrations/h2"))) {
            for (Path h2File : files.toList()) {
                Path pgFile = Path.of("migrations/postgresql").resolve(h2File.getFileName());
                if (Files.exists(pgFile)) {
                    assertThat(Files.readString(h2File)).as(h2File.getFileName() + " is the same on both backends: move it to"
                            + " migrations/common").isNotEqualTo(Files.readString(pgFile));
                }
            }
        }
        try (Stream<Path> common = Files.list(Path.of("migrations/common"))) {
            for (Path file : common.toList()) {
                assertThat(Path.of("migrations/h2").resolve(file.getFileName())).doesNotExist();
                assertThat(Path.of("migrations/postgresql").resolve(file.getFileName())).doesNotExist();
            }
        }
    }

    /** table.column → "type nullability length" with the two catalogs' type names mapped onto one vocabulary. */
    private static Map<String, String> columns(DataSource db, String sql) {
        Map<String, String> out = new TreeMap<>();
        new JdbcTemplate(db).query(sql, rs -> {
            String table = rs.getString(1).toLowerCase(Locale.ROOT);
            if (!NOT_OURS.contains(table)) {
                out.put(table + "." + rs.getString(2).toLowerCase(Locale.ROOT),
                        type(rs.getString(3)) + (rs.getString(4).equals("YES") ? " null" : " not null")
                                + (rs.getObject(5) == null || UNBOUNDED.contains(type(rs.getString(3))) ? "" : " (" + rs.getLong(5) + ")"));
            }
        });
        return out;
    }

    private static String type(String name) {
        String t = name.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "character large object", "text" -> "text";
            case "json", "jsonb" -> "json";
            case "character varying" -> "varchar";
            case "character", "bpchar" -> "char";
            default -> t;
        };
    }

    private static Set<String> names(DataSource db, String sql) {
        Set<String> out = new TreeSet<>();
        new JdbcTemplate(db).query(sql, rs -> {
            String table = rs.getString(1).toLowerCase(Locale.ROOT);
            if (!NOT_OURS.contains(table)) {
                out.add(table + "." + rs.getString(2).toLowerCase(Locale.ROOT));
            }
        });
        return out;
    }

    /**
     * Per table: the count of each kind of constraint, and the names of those the migrations name (check constraints
     * "…_ck"); generated names (PostgreSQL's "…_fkey", "…_not_null", H2's "CONSTRAINT_…") differ by engine.
     */
    private static Map<String, String> constraints(DataSource db, String sql) {
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> named = new TreeSet<>();
        new JdbcTemplate(db).query(sql, rs -> {
            String table = rs.getString(1).toLowerCase(Locale.ROOT);
            String name = rs.getString(3).toLowerCase(Locale.ROOT);
            if (NOT_OURS.contains(table) || name.endsWith("_not_null")) {
                return;
            }
            counts.merge(table + " " + rs.getString(2), 1, Integer::sum);
            if (name.endsWith("_ck")) {
                named.add(table + "." + name);
            }
        });
        Map<String, String> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, Integer.toString(v)));
        named.forEach(n -> out.put(n, "named"));
        return out;
    }
}
