package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.incidentatlas.testsupport.DemoServiceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Writing incidents (OGC API - Features Part 4) over real HTTP: the token, optimistic locking,
 * and invalid features refused naming the field with nothing stored.
 * The same tests on each backend (subclasses choose the database).
 */
abstract class IncidentWriteContract extends DemoServiceContract {

    // --- writing features ---

    @Test
    void writesNeedTheToken() throws Exception {
        long before = count();
        HttpResponse<String> r = api.send("POST", "/collections/incidents/items", NEW_INCIDENT, "Content-Type", "application/geo+json");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(api.body(r).path("code").asString()).isEqualTo("Unauthorized");
        HttpResponse<String> wrong = api.send("POST", "/collections/incidents/items", NEW_INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(api.send("DELETE", "/collections/incidents/items/1", null).statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void createReplaceDeleteWithOptimisticLocking() throws Exception {
        long before = count();
        HttpResponse<String> created = api.send("POST", "/collections/incidents/items", NEW_INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(count()).isEqualTo(before + 1);
        String path = URI.create(location).getPath();
        JsonNode stored = api.body(api.get(path));
        assertThat(stored.path("properties").path("injured_low").asInt()).isEqualTo(1);
        assertThat(stored.path("properties").path("claims").get(0).path("claimant").asString()).isEqualTo("Ministry of Defence of Armenia");
        assertThat(stored.path("properties").path("claims").get(0).path("side").asString()).isEqualTo("ARM");
        assertThat(stored.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(45.9512);

        assertThat(stored.path("properties").has("location_uncertainty_m")).isTrue();
        assertThat(stored.path("properties").path("location_uncertainty_m").isNull()).as("none stated").isTrue();

        String replacement = NEW_INCIDENT.replace("\"injured\": 2, \"injured_low\": 1", "\"injured\": 2, \"injured_low\": 2")
                .replace("\"geo_precision\": 1", "\"geo_precision\": 2, \"location_uncertainty_m\": 1500");
        HttpResponse<String> stale = api.send("PUT", path, replacement, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN, "If-Match", "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.body(api.get(path)).path("properties").path("injured_low").asInt()).isEqualTo(1);

        HttpResponse<String> replaced = api.send("PUT", path, replacement, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN, "If-Match", "\"1\"");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(api.body(api.get(path)).path("properties").path("location_uncertainty_m").asInt()).isEqualTo(1500);
        assertThat(api.body(api.get(path)).path("properties").path("injured_low").asInt()).isEqualTo(2);

        assertThat(api.send("DELETE", path, null, "Authorization", "Bearer " + TOKEN, "If-Match", "\"1\"").statusCode()).isEqualTo(412);
        assertThat(api.get(path).statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", path, null, "Authorization", "Bearer " + TOKEN, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
        assertThat(api.get(path).statusCode()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> invalidIncidents() {
        return Stream.of(
                Arguments.of(NEW_INCIDENT.replace("[45.9512, 40.2317]", "[45.9512, 140.2317]"), 422, "geometry"),
                Arguments.of(NEW_INCIDENT.replace("\"Point\", \"coordinates\": [45.9512, 40.2317]",
                        "\"Polygon\", \"coordinates\": [[[45,40],[46,41],[46,40],[45,41],[45,40]]]"), 422, "geometry"),
                Arguments.of(NEW_INCIDENT.replace("\"2023-05-20\"", "\"20/05/2023\""), 422, "properties.event_date"),
                Arguments.of(NEW_INCIDENT.replace("\"date_precision\": \"day\"", "\"date_precision\": \"hour\""), 422, "properties.date_precision"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 4"), 422, "properties.geo_precision"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 1, \"location_uncertainty_m\": -5"), 422,
                        "properties.location_uncertainty_m"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 1, \"location_uncertainty_m\": 500001"), 422,
                        "properties.location_uncertainty_m"),
                Arguments.of(NEW_INCIDENT.replace("\"injured_low\": 1", "\"injured_low\": 3"), 422, "properties.injured_low"),
                Arguments.of(NEW_INCIDENT.replace("\"fatalities\": 0,", "\"fatalities\": -1,"), 422, "properties.fatalities"),
                Arguments.of(NEW_INCIDENT.replace("\"event_type\": \"Explosions/Remote violence\"", "\"event_type\": \"Bombing\""), 422, "properties.event_type"),
                Arguments.of(NEW_INCIDENT.replace("\"country\": \"ARM\"", "\"country\": \"Armenia\""), 422, "properties.country"),
                Arguments.of(NEW_INCIDENT.replace("\"side\": \"ARM\"", "\"side\": \"Armenian army\""), 422, "properties.claims[0].side"),
                Arguments.of(NEW_INCIDENT.replace("\"source\": \"t1\"", "\"source\": \"t9\""), 422, "properties.claims[0].source"),
                Arguments.of(NEW_INCIDENT.replace("\"notes\"", "\"note\""), 422, "properties"),
                Arguments.of(NEW_INCIDENT.replace("\"type\": \"Feature\"", "\"type\": \"FeatureCollection\""), 422, "type"),
                Arguments.of("{\"type\": \"Feature\", ", 400, null));
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("invalidIncidents")
    void invalidIncidentsAreRefusedNamingTheFieldAndNothingIsStored(String body, int status, String field) throws Exception {
        long before = count();
        HttpResponse<String> r = api.send("POST", "/collections/incidents/items", body,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = api.body(r);
        assertThat(error.path("description").asString()).isNotBlank();
        if (field != null) {
            List<String> fields = new ArrayList<>();
            error.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).contains(field);
        }
        assertThat(count()).isEqualTo(before);
    }
}
