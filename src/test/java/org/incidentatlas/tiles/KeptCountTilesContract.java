package org.incidentatlas.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.ogcapi.CollectionConditions;
import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Low-zoom incident tiles drawn from the counts kept on write (incident_cells) against the same tiles drawn by
 * reading every incident, on a few thousand incidents (points on cell edges, lines and areas among them, some
 * moved, retyped and deleted after the load, so cells emptied by writes are there too): the same cells with the
 * same sums, at every zoom the map shows cells; and filters the kept counts do not hold are still counted right.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atlas.demo-data=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeptCountTilesContract {

    private static final List<String> TYPES = List.of("Battles", "Explosions/Remote violence", "Violence against civilians",
            "Protests", "Riots", "Strategic developments");
    /** The region of the data, and of the tiles compared. */
    private static final double WEST = 43.5;
    private static final double SOUTH = 38.4;
    private static final double EAST = 49.5;
    private static final double NORTH = 42.0;

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CollectionConditions collections;
    @Autowired
    TileRenderer renderer;

    @BeforeAll
    void load() {
        Random random = new Random(14);
        List<String> rows = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String wkt;
            if (i % 100 == 0) {
                // on a column edge of every level from 3 on (45 degrees east), and on a row edge of level 11
                wkt = "POINT (45 " + WebMercatorQuad.lat(WebMercatorQuad.HALF_WORLD - 775 * 2 * WebMercatorQuad.HALF_WORLD / 2048) + ")";
            } else if (i % 50 == 0) {
                double lon = 44 + random.nextDouble() * 4;
                double lat = 39 + random.nextDouble() * 2;
                wkt = "POLYGON ((" + lon + " " + lat + ", " + (lon + 0.3) + " " + lat + ", " + lon + " " + (lat + 0.2) + ", " + lon + " " + lat + "))";
            } else if (i % 70 == 0) {
                wkt = "LINESTRING (" + (44 + random.nextDouble() * 4) + " 39.5, " + (44 + random.nextDouble() * 4) + " 41.2)";
            } else {
                boolean cluster = random.nextDouble() < 0.6;
                double lon = cluster ? 45.45 + (random.nextDouble() - 0.5) * 0.4 : WEST + random.nextDouble() * (EAST - WEST);
                double lat = cluster ? 40.05 + (random.nextDouble() - 0.5) * 0.3 : SOUTH + random.nextDouble() * (NORTH - SOUTH);
                wkt = "POINT (" + lon + " " + lat + ")";
            }
            rows.add("(?, 'day', ?, ST_GeomFromText(?, 4326), 1, ?, ?, 'kept count tile test')");
            args.addAll(List.of(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)), TYPES.get(random.nextInt(TYPES.size())), wkt));
            args.add(random.nextInt(8) == 0 ? null : random.nextInt(6));
            args.add(random.nextBoolean() ? "ARM" : "AZE");
            if (rows.size() == 500) {
                insert(rows, args);
                rows.clear();
                args.clear();
            }
        }
        // writes after the load: cells emptied to zero, sums moved between cells and types
        jdbc.update("DELETE FROM incidents WHERE MOD(id, 7) = 0");
        jdbc.update("UPDATE incidents SET event_type = 'Riots', fatalities = 3 WHERE MOD(id, 11) = 0");
        jdbc.update("UPDATE incidents SET geom = ST_SetSRID(ST_MakePoint(46.1, 40.4), 4326) WHERE MOD(id, 13) = 0");
    }

    private void insert(List<String> rows, List<Object> args) {
        jdbc.update("INSERT INTO incidents (event_date, date_precision, event_type, geom, geo_precision, fatalities, country, "
                + "location_name) VALUES " + String.join(", ", rows), args.toArray());
    }

    @ParameterizedTest
    @CsvSource({"0, ''", "3, ''", "5, ''", "6, ''", "7, ''", "8, ''", "9, ''", "10, ''", "11, ''", "5, event_type=Riots",
            "9, event_type=Battles", "11, event_type=Protests"})
    void keptCountTilesHoldTheCellsAndSumsOfTheScannedTiles(int zoom, String query) throws Exception {
        Map<String, String[]> parameters = parameters(query);
        long incidents = 0;
        for (String tile : TilesContract.tilesOver(zoom, WEST, SOUTH, EAST, NORTH)) {
            String[] zrc = tile.split("/");
            TileCoordinates t = TileCoordinates.of(zoom, Integer.parseInt(zrc[1]), Integer.parseInt(zrc[2]));
            Sql kept = collections.keptCellSums("incidents", parameters, TiledCollection.cells(t)).orElseThrow();
            List<Cell> fromKept = cells(renderer.keptAggregates(TiledCollection.INCIDENTS, t, kept, -1).body());
            List<Cell> scanned = cells(renderer.aggregates(TiledCollection.INCIDENTS, t,
                    collections.condition("incidents", parameters, TilesController.area(t, true)), -1).body());
            assertSameCells(tile, fromKept, scanned);
            // and the service draws this one from the kept counts
            assertSameCells(tile, cells(tileBody(tile, query)), fromKept);
            incidents += fromKept.stream().mapToLong(Cell::count).sum();
        }
        assertThat(incidents).isEqualTo(count(query.isEmpty() ? "" : " WHERE event_type = '" + query.split("=")[1] + "'"))
                .isGreaterThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"country=ARM", "datetime=2021-01-01%2F2022-06-30", "filter=fatalities%20%3E%202",
            "event_type=Riots&country=AZE"})
    void filtersTheKeptCountsDoNotHoldAreCountedFromTheIncidents(String query) throws Exception {
        assertThat(collections.keptCellSums("incidents", parameters(query), TiledCollection.cells(TileCoordinates.of(6, 23, 40))))
                .isEmpty();
        long counted = 0;
        for (String tile : TilesContract.tilesOver(6, WEST, SOUTH, EAST, NORTH)) {
            counted += cells(tileBody(tile, query)).stream().mapToLong(Cell::count).sum();
        }
        String where = switch (query) {
            case "country=ARM" -> " WHERE country = 'ARM'";
            case "datetime=2021-01-01%2F2022-06-30" -> " WHERE event_last_date >= DATE '2021-01-01' AND event_date <= DATE '2022-06-30'";
            case "filter=fatalities%20%3E%202" -> " WHERE fatalities > 2";
            default -> " WHERE event_type = 'Riots' AND country = 'AZE'";
        };
        assertThat(counted).isEqualTo(count(where));
    }

    // --- helpers ---

    /** One aggregate feature: its position in tile units and its sums. */
    record Cell(int x, int y, long count, long fatalities, Map<String, Long> types) {

        boolean matches(Cell other) {
            // the means are summed in another order: the same within a tile unit
            return Math.abs(x - other.x) <= 1 && Math.abs(y - other.y) <= 1 && count == other.count
                    && fatalities == other.fatalities && types.equals(other.types);
        }
    }

    private List<Cell> cells(byte[] tile) throws IOException {
        List<Cell> out = new ArrayList<>();
        for (Geometry g : TilesContract.decode(tile, "incidents")) {
            Map<String, Object> p = TilesContract.properties(g);
            Map<String, Long> types = new TreeMap<>();
            json.readTree((String) p.get("event_types")).properties().forEach(e -> types.put(e.getKey(), e.getValue().asLong()));
            Point at = (Point) g;
            out.add(new Cell((int) at.getX(), (int) at.getY(), ((Number) p.get("count")).longValue(),
                    ((Number) p.get("fatalities")).longValue(), types));
        }
        return out;
    }

    private static void assertSameCells(String tile, List<Cell> actual, List<Cell> expected) {
        List<Cell> left = new ArrayList<>(expected);
        for (Cell c : actual) {
            Cell match = left.stream().filter(c::matches).findFirst().orElse(null);
            assertThat(match).as("tile %s: cell %s among %s", tile, c, expected).isNotNull();
            left.remove(match);
        }
        assertThat(left).as("tile %s: cells left unmatched", tile).isEmpty();
    }

    private byte[] tileBody(String tile, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = api.getBytes("/collections/incidents/tiles/WebMercatorQuad/" + tile + (query.isEmpty() ? "" : "?" + query));
        assertThat(r.statusCode()).as(tile + "?" + query).isEqualTo(200);
        return r.body();
    }

    private long count(String where) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM incidents" + where, Long.class);
        return n == null ? 0 : n;
    }

    private static Map<String, String[]> parameters(String query) {
        Map<String, String[]> m = new TreeMap<>();
        for (String pair : query.isEmpty() ? Collections.<String>emptyList() : List.of(query.split("&"))) {
            String[] kv = pair.split("=", 2);
            m.put(kv[0], new String[] {URLDecoder.decode(kv[1], StandardCharsets.UTF_8)});
        }
        return m;
    }
}
