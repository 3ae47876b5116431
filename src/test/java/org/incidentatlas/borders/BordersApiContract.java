package org.incidentatlas.borders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.DemoServiceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Borders and proximity over real HTTP: the borders collection, the incidents' border metrics,
 * distance filters and sorting, and analysts' border layers measured and removed.
 * The same tests on each backend (subclasses choose the database).
 */
abstract class BordersApiContract extends DemoServiceContract {

    // --- borders and proximity ---

    @Test
    void bordersAreACollectionOfNamedMultiLineStrings() throws Exception {
        JsonNode fc = api.body(api.get("/collections/borders/items?kind=international"));
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        fc.path("features").forEach(f -> byId.put(f.path("id").asString(), f));
        assertThat(byId).containsKeys("ARM-AZE", "ARM-AZE-NAKH", "ARM-GEO", "AZE-GEO", "ARM-IRN", "AZE-IRN", "ARM-TUR", "AZE-TUR", "AZE-RUS");
        JsonNode armAze = byId.get("ARM-AZE");
        assertThat(armAze.path("geometry").path("type").asString()).isEqualTo("MultiLineString");
        assertThat(armAze.path("properties").path("country_a").asString()).isEqualTo("ARM");
        assertThat(armAze.path("properties").path("country_b").asString()).isEqualTo("AZE");
        assertThat(armAze.path("properties").path("source").asString()).contains("OpenStreetMap");
        assertThat(armAze.path("properties").path("vintage").asString()).isNotBlank();
        assertThat(byId.get("ARM-AZE-NAKH").path("properties").path("country_b").asString()).isEqualTo("AZE");
    }

    @Test
    void demoIncidentsCarryBorderMetrics() throws Exception {
        JsonNode nerkinHand = demoIncident("Nerkin Hand").path("properties");
        assertThat(nerkinHand.path("nearest_border").asString()).isEqualTo("ARM-AZE");
        assertThat(nerkinHand.path("border_side").asString()).isEqualTo("ARM");
        assertThat(nerkinHand.path("border_distance_m").asDouble()).isBetween(0.0, 5_000.0);
        assertThat(nerkinHand.path("nearest_border_point").size()).isEqualTo(2);
        JsonNode saribaba = demoIncident("Saribaba").path("properties");
        assertThat(saribaba.path("border_side").asString()).isEqualTo("AZE");
        JsonNode goris = demoIncident("Goris").path("properties");
        assertThat(goris.path("border_side").asString()).isEqualTo("ARM");
        // the stored figure is the one the distance endpoint measures
        JsonNode measured = api.body(api.get("/borders/ARM-AZE/distance?point=" + demoIncident("Goris").path("geometry").path("coordinates").get(0).asDouble()
                + "," + demoIncident("Goris").path("geometry").path("coordinates").get(1).asDouble()));
        assertThat(measured.path("distance_m").asDouble()).isCloseTo(goris.path("border_distance_m").asDouble(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(measured.path("side").asString()).isEqualTo("ARM");
        assertThat(measured.path("nearest_point").size()).isEqualTo(2);
    }

    @Test
    void withinNMetresOfABorderAndSortingByDistance() throws Exception {
        JsonNode within = api.body(api.get("/collections/incidents/items?border=ARM-AZE&max-border-distance=8000&sortby=border_distance_m"));
        assertThat(within.path("numberMatched").asLong()).isEqualTo(within.path("numberReturned").asLong()).isPositive();
        double previous = -1;
        for (JsonNode f : within.path("features")) {
            JsonNode c = f.path("geometry").path("coordinates");
            double d = api.body(api.get("/borders/ARM-AZE/distance?point=" + c.get(0).asDouble() + "," + c.get(1).asDouble())).path("distance_m").asDouble();
            assertThat(d).isLessThanOrEqualTo(8000.0);
            double stored = f.path("properties").path("border_distance_m").asDouble();
            assertThat(stored).isGreaterThanOrEqualTo(previous);
            previous = stored;
        }
        long all = api.body(api.get("/collections/incidents/items?limit=1")).path("numberMatched").asLong();
        // numberMatched is left out for "any border" (no kept count): the features are counted instead
        long far = api.body(api.get("/collections/incidents/items?limit=10000&max-border-distance=100000000")).path("numberReturned").asLong();
        assertThat(far).isEqualTo(all);
        JsonNode combined = api.body(api.get("/collections/incidents/items?border=ARM-AZE&max-border-distance=8000&datetime=2022-09-13&bbox=45,39,47,41"));
        combined.path("features").forEach(f -> assertThat(f.path("properties").path("event_date").asString()).isEqualTo("2022-09-13"));
        JsonNode descending = api.body(api.get("/collections/incidents/items?sortby=-border_distance_m&limit=3"));
        JsonNode next = api.body(api.get(ApiClient.link(descending, "next")));
        assertThat(next.path("features").get(0).path("properties").path("border_distance_m").asDouble())
                .isLessThanOrEqualTo(descending.path("features").get(2).path("properties").path("border_distance_m").asDouble());
        JsonNode nearGoris = api.body(api.get("/collections/incidents/items?near=46.3417,39.5111&radius=3000"));
        List<String> names = new ArrayList<>();
        nearGoris.path("features").forEach(f -> names.add(f.path("properties").path("location_name").asString()));
        assertThat(names).anyMatch(n -> n.startsWith("Goris"));
        assertThat(names).noneMatch(n -> n.startsWith("Kapan"));
    }

    static Stream<Arguments> badProximityRequests() {
        return Stream.of(
                Arguments.of("/collections/incidents/items?border=NOPE&max-border-distance=5000"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=-5"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=far"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=300000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5&radius=2000000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5&radius=-1"),
                Arguments.of("/collections/incidents/items?near=46.3&radius=1000"),
                Arguments.of("/collections/incidents/items?near=46.3,99&radius=1000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5"),
                Arguments.of("/collections/incidents/items?radius=1000"),
                Arguments.of("/collections/incidents/items?sortby=colour"),
                Arguments.of("/borders/ARM-AZE/distance?point=46.3"),
                Arguments.of("/borders/ARM-AZE/distance?point=east,north"),
                Arguments.of("/borders/ARM-AZE/distance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProximityRequests")
    void badProximityRequestsGet400Json(String path) throws Exception {
        HttpResponse<String> r = api.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(api.body(r).path("description").asString()).isNotBlank();
    }

    @Test
    void aCursorFromAnotherSortOrderIsRefused() throws Exception {
        String next = ApiClient.link(api.body(api.get("/collections/incidents/items?limit=2")), "next");
        String cursor = next.substring(next.indexOf("cursor=") + 7).replaceAll("&.*", "");
        assertThat(api.get("/collections/incidents/items?sortby=border_distance_m&cursor=" + cursor).statusCode()).isEqualTo(400);
        assertThat(api.get("/borders/NOPE/distance?point=46,39").statusCode()).isEqualTo(404);
    }

    JsonNode recomputeAfter(long run) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode status = api.body(api.get("/borders/recompute"));
            if (status.path("run").asLong() > run && status.path("state").asString().equals("done")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the border metrics recompute did not finish");
    }

    @Test
    void analystsBorderLayersAreMeasuredAndRemoved() throws Exception {
        JsonNode jermuk = demoIncident("Jermuk");
        double lon = jermuk.path("geometry").path("coordinates").get(0).asDouble();
        double lat = jermuk.path("geometry").path("coordinates").get(1).asDouble();
        String layer = "{\"type\": \"Feature\", \"id\": \"TEST-CONTACT\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [["
                + (lon + 0.01) + ", " + (lat - 0.05) + "], [" + (lon + 0.01) + ", " + (lat + 0.05) + "]]},"
                + " \"properties\": {\"name\": \"test line of contact\", \"valid_from\": \"2020-11-10\"}}";
        long run = api.body(api.get("/borders/recompute")).path("run").asLong();
        assertThat(api.send("POST", "/borders", layer, "Content-Type", "application/geo+json").statusCode()).isEqualTo(401);
        HttpResponse<String> created = api.send("POST", "/borders", layer, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode status = recomputeAfter(run);
        assertThat(status.path("done").asLong()).isEqualTo(status.path("total").asLong()).isEqualTo(count());
        JsonNode moved = demoIncident("Jermuk").path("properties");
        assertThat(moved.path("nearest_border").asString()).isEqualTo("TEST-CONTACT");
        assertThat(moved.path("border_distance_m").asDouble()).isBetween(700.0, 1000.0);
        assertThat(api.body(api.get("/collections/incidents/items?border=TEST-CONTACT&max-border-distance=1000")).path("numberMatched").asLong()).isEqualTo(1);
        assertThat(api.body(api.get("/collections/borders/items/TEST-CONTACT")).path("properties").path("kind").asString()).isEqualTo("custom");

        long before = api.body(api.get("/borders/recompute")).path("run").asLong();
        assertThat(api.send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(204);
        recomputeAfter(before);
        assertThat(demoIncident("Jermuk").path("properties").path("nearest_border").asString()).isNotEqualTo("TEST-CONTACT");
        assertThat(api.get("/collections/borders/items/TEST-CONTACT").statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);

        // the same id again: counts start from nothing, not from what the deleted layer left
        long again = api.body(api.get("/borders/recompute")).path("run").asLong();
        assertThat(api.send("POST", "/borders", layer, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(201);
        recomputeAfter(again);
        for (int km : List.of(1, 10, 100)) {
            JsonNode page = api.body(api.get("/collections/incidents/items?limit=1000&border=TEST-CONTACT&max-border-distance=" + km * 1000));
            assertThat(page.path("numberMatched").asLong()).as("within %d km", km).isEqualTo(page.path("features").size());
        }
        long last = api.body(api.get("/borders/recompute")).path("run").asLong();
        assertThat(api.send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(204);
        recomputeAfter(last);
    }

    @Test
    void badBorderLayersAreRefused() throws Exception {
        String point = "{\"type\": \"Feature\", \"id\": \"X1\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [45, 40]}, \"properties\": {\"name\": \"x\"}}";
        String noName = "{\"type\": \"Feature\", \"id\": \"X2\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {}}";
        String badDates = "{\"type\": \"Feature\", \"id\": \"X3\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {\"name\": \"x\", \"valid_from\": \"2024-01-01\", \"valid_to\": \"2023-01-01\"}}";
        String international = "{\"type\": \"Feature\", \"id\": \"ARM-AZE\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {\"name\": \"x\"}}";
        for (String bad : List.of(point, noName, badDates)) {
            HttpResponse<String> r = api.send("POST", "/borders", bad, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
            assertThat(r.statusCode()).as(bad).isEqualTo(422);
            assertThat(api.body(r).path("errors").size()).isPositive();
        }
        assertThat(api.send("POST", "/borders", international, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(409);
        assertThat(api.send("DELETE", "/borders/ARM-AZE", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(409);
        assertThat(api.send("POST", "/borders", "not json", "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }
}
