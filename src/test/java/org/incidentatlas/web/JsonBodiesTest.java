package org.incidentatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binding is strict and reports every problem at once; Bean Validation's paths come out as the client's JSON names. */
class JsonBodiesTest {

    record Item(@NotBlank String label, @JsonProperty("killed_count") @Min(0) Integer killedCount) {
    }

    record Body(@JsonProperty("first_seen") LocalDate firstSeen, Long total, Double share, List<@Valid Item> items) {
    }

    private final JsonBodies bodies = new JsonBodies();
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonBodies.Read<Body> read(String body) {
        JsonNode node = json.readTree(body);
        return bodies.read(node, Body.class, "properties");
    }

    @Test
    void everyTypeProblemIsNamedAtOnceAndNothingIsCoerced() {
        JsonBodies.Read<Body> r = read("""
                {"first_seen": 20240101, "total": "12", "share": true,
                 "items": [{"label": 5, "killed_count": 1.5}, 7, {"label": "ok", "killed_count": "2"}], "extra": 1}""");
        assertThat(r.errors()).extracting(FieldError::toString).containsExactly(
                "properties.first_seen: must be a string",
                "properties.total: must be a whole number",
                "properties.share: must be a number",
                "properties.items[0].label: must be a string",
                "properties.items[0].killed_count: must be a whole number",
                "properties.items[1]: must be an object",
                "properties.items[2].killed_count: must be a whole number");
        assertThat(r.unknownProperties()).containsOnlyKeys("properties");
        assertThat(r.unknownProperties().get("properties")).containsExactly("extra");
    }

    @Test
    void violationsNameTheFieldByItsJsonPath() {
        JsonBodies.Read<Body> r = read("""
                {"first_seen": "2024-02-30", "items": [{"label": "a", "killed_count": 1}, {"label": " ", "killed_count": -3}]}""");
        assertThat(r.errors()).extracting(FieldError::field).containsExactly(
                "properties.first_seen", "properties.items[1].killed_count", "properties.items[1].label");
        assertThat(r.errors().get(0).message()).isEqualTo("'2024-02-30' is not an ISO date (YYYY-MM-DD)");
    }

    @Test
    void aValidBodyBindsWithoutErrors() {
        JsonBodies.Read<Body> r = read("""
                {"first_seen": "2024-02-13", "total": 9000000000, "share": 2, "items": [{"label": "a", "killed_count": 0}]}""");
        assertThat(r.errors()).isEmpty();
        assertThat(r.value()).isEqualTo(new Body(LocalDate.of(2024, 2, 13), 9_000_000_000L, 2.0, List.of(new Item("a", 0))));
    }

    @Test
    void aScalarWhereAnObjectBelongsIsNamedNotThrown() {
        JsonBodies.Read<Body> r = read("""
                {"items": [true, [1], {"label": "x"}]}""");
        assertThat(r.errors()).extracting(FieldError::toString).containsExactly(
                "properties.items[0]: must be an object",
                "properties.items[1]: must be an object");
        JsonBodies.Read<Body> empty = read("""
                {"items": [{"label": "x"}, ""]}""");
        assertThat(empty.value()).isNull();
        assertThat(empty.errors()).extracting(FieldError::field).containsExactly("properties.items[1]");
    }
}
