package org.incidentatlas.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/** What a GeoJSON property of each {@link FieldType} must look like, for the tests that walk a field definition. */
public final class JsonValues {

    private JsonValues() {
    }

    /** Fails unless {@code value}, the non-null value of {@code property}, has the JSON form of {@code type}. */
    public static void assertJsonType(String property, FieldType type, JsonNode value) {
        String what = property + ": " + value;
        switch (type) {
            case LONG, INTEGER -> assertThat(value.isIntegralNumber()).as(what).isTrue();
            case NUMBER -> assertThat(value.isNumber()).as(what).isTrue();
            case TEXT -> assertThat(value.isString()).as(what).isTrue();
            case DATE -> assertThat(LocalDate.parse(value.asString())).as(what).isNotNull();
            case TIMESTAMP -> assertThat(Instant.parse(value.asString())).as(what).isNotNull();
            case POSITION -> assertThat(value.isArray() && value.size() == 2).as(what).isTrue();
            case LIST -> assertThat(value.isArray()).as(what).isTrue();
            case GEOMETRY, INTERVAL -> throw new AssertionError(property + " (" + type + ") is no GeoJSON property");
        }
    }
}
