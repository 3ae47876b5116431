package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.incidentatlas.web.FieldError;
import org.incidentatlas.web.JsonBodies;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads an incident from its GeoJSON Feature form (the form the service writes). Every problem is
 * collected with the field it concerns, so a client gets the whole list at once; nothing is stored
 * unless the list is empty.
 */
@Component
public class IncidentFeatureReader {

    /** The properties a client writes, by name. */
    private static final Map<String, IncidentField> WRITABLE = IncidentSchema.PROPERTIES.stream().filter(IncidentField::writable)
            .collect(Collectors.toMap(IncidentField::property, f -> f, (a, b) -> a, LinkedHashMap::new));

    /** Properties the store maintains; a client may send them back unchanged, they are ignored. */
    private static final Set<String> READ_ONLY = IncidentSchema.PROPERTIES.stream().filter(f -> !f.writable())
            .map(IncidentField::property).collect(Collectors.toUnmodifiableSet());

    private final IncidentValidator validator;
    private final JsonBodies bodies;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), JdbcIncidentStore.SRID);

    public IncidentFeatureReader(IncidentValidator validator, JsonBodies bodies) {
        this.validator = validator;
        this.bodies = bodies;
    }

    /** Parses and validates; throws {@link InvalidIncidentException} naming every bad field. */
    public IncidentData read(JsonNode feature) {
        Fields f = new Fields(bodies);
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asString(null))) {
            f.error("type", "the body must be a GeoJSON Feature (\"type\": \"Feature\")");
            throw new InvalidIncidentException(f.errors);
        }
        Geometry geometry = readGeometry(feature.get("geometry"), f);
        JsonNode p = feature.get("properties");
        if (p == null || !p.isObject()) {
            f.error("properties", "must be an object with the incident's attributes");
            throw new InvalidIncidentException(f.errors);
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : p.propertyNames()) {
            if (!WRITABLE.containsKey(name) && !READ_ONLY.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            f.error("properties", "unknown propert" + (unknown.size() == 1 ? "y " : "ies ") + unknown
                    + "; the incident properties are " + new TreeSet<>(WRITABLE.keySet()));
        }
        Map<IncidentField, Object> values = new EnumMap<>(IncidentField.class);
        values.put(IncidentField.GEOMETRY, geometry);
        for (IncidentField field : WRITABLE.values()) {
            values.put(field, f.value(p, field));
        }
        String precisionCode = (String) values.get(IncidentField.DATE_PRECISION);
        if (precisionCode == null) {
            f.error("properties.date_precision", "is required: day, week, month or year");
        } else if (IncidentSchema.datePrecision(values) == null) {
            f.error("properties.date_precision", "'" + precisionCode + "' is not one of day, week, month, year");
        }
        if (IncidentSchema.status(values) == null) {
            f.error("properties.status", "'" + values.get(IncidentField.STATUS) + "' is not one of extracted, reviewed, rejected");
        }
        if (values.get(IncidentField.GEO_PRECISION) == null) {
            f.error("properties.geo_precision", "is required: 1 (exact place), 2 (near or part of a region), 3 (province or larger)");
        }
        IncidentData data = IncidentSchema.data(values);
        List<FieldError> all = new ArrayList<>(f.errors);
        validator.problems(withPlaceholders(data)).stream().filter(e -> !f.mentioned(e.field())).forEach(all::add);
        if (!all.isEmpty()) {
            throw new InvalidIncidentException(all);
        }
        return data;
    }

    /**
     * Lets the validator check the other fields when the geometry or date precision could not be
     * read (those are already reported).
     */
    private IncidentData withPlaceholders(IncidentData d) {
        IncidentLocation l = d.location();
        Geometry g = l.geometry() != null ? l.geometry() : geometries.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0));
        return new IncidentData(d.eventDate(), d.eventDateEnd(),
                d.datePrecision() == null ? DatePrecision.DAY : d.datePrecision(), d.eventType(), d.subEventType(),
                d.actor1(), d.actor2(), new IncidentLocation(g, l.name(), l.placeId(), l.country(), l.admin1(), l.admin2(),
                l.geoPrecision(), l.uncertaintyM()), d.fatalities(), d.injured(), d.claims(), d.sources(), d.notes(), d.status(), d.confidence());
    }

    private Geometry readGeometry(JsonNode node, Fields f) {
        if (node == null || node.isNull()) {
            f.error("geometry", "is required (a GeoJSON Point, LineString or Polygon in longitude, latitude order)");
            return null;
        }
        try {
            Geometry g = new GeoJsonReader(geometries).read(node.toString());
            g.setSRID(JdbcIncidentStore.SRID);
            return g;
        } catch (ParseException | RuntimeException e) {
            f.error("geometry", "is not a valid GeoJSON geometry: " + e.getMessage());
            return null;
        }
    }

    /** Typed access to JSON members that records what was wrong instead of failing at the first problem. */
    private static final class Fields {
        final List<FieldError> errors = new ArrayList<>();
        final JsonBodies bodies;

        Fields(JsonBodies bodies) {
            this.bodies = bodies;
        }

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** A writable property's value, read as its type says (null when absent or unreadable). */
        Object value(JsonNode p, IncidentField field) {
            String name = field.property();
            return switch (field.type()) {
                case TEXT -> text(p, name);
                case INTEGER -> integer(p, name);
                case NUMBER -> number(p, name);
                case DATE -> date(p, name);
                case LIST -> field == IncidentField.CLAIMS
                        ? list(p, name, ClaimBody.class, (c, at) -> span(c.span(), at + ".span")).stream().map(ClaimBody::claim).toList()
                        : list(p, name, SourceBody.class, this::spans).stream().map(SourceBody::source).toList();
                default -> throw new IllegalArgumentException(name + " (" + field.type() + ") is not written by clients");
            };
        }

        boolean mentioned(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        String text(JsonNode obj, String name) {
            return text(obj, name, "properties");
        }

        String text(JsonNode obj, String name, String at) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isString()) {
                error(at + "." + name, "must be a string");
                return null;
            }
            String s = v.asString().strip();
            return s.isEmpty() ? null : s;
        }

        Integer integer(JsonNode obj, String name) {
            return integer(obj, name, "properties");
        }

        Integer integer(JsonNode obj, String name, String at) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                error(at + "." + name, "must be a whole number");
                return null;
            }
            return v.intValue();
        }

        Double number(JsonNode obj, String name) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                error("properties." + name, "must be a number");
                return null;
            }
            return v.doubleValue();
        }

        LocalDate date(JsonNode obj, String name) {
            return date(obj, name, "properties");
        }

        LocalDate date(JsonNode obj, String name, String at) {
            String s = text(obj, name, at);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                error(at + "." + name, "'" + s + "' is not an ISO date (YYYY-MM-DD)");
                return null;
            }
        }

        /**
         * A list of claims or sources, bound as records; {@code check} adds what no annotation says
         * (the spans' rule across start and end) to each element at its path.
         */
        <T> List<T> list(JsonNode obj, String name, Class<T> element, java.util.function.BiConsumer<T, String> check) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isNull()) {
                    error("properties." + name + "[" + i + "]", "must be an object");
                }
            }
            JsonBodies.Read<List<T>> read = bodies.read(v, bodies.listOf(element), "properties." + name);
            errors.addAll(read.errors());
            if (read.value() == null) {
                return List.of();
            }
            for (int i = 0; i < read.value().size(); i++) {
                if (read.value().get(i) != null) {
                    check.accept(read.value().get(i), "properties." + name + "[" + i + "]");
                }
            }
            return read.value().stream().filter(java.util.Objects::nonNull).toList();
        }

        private void spans(SourceBody source, String at) {
            for (int i = 0; source.spans() != null && i < source.spans().size(); i++) {
                span(source.spans().get(i), at + ".spans[" + i + "]");
            }
        }

        private void span(SpanBody span, String at) {
            if (span != null && !span.valid()) {
                error(at, "needs whole numbers start and end with 0 <= start <= end");
            }
        }
    }

    /**
     * Where in a report's text a claim or source was read. Its rule spans both fields and is
     * reported once for the span as a whole, so it is code ({@link #valid()}) rather than annotations.
     */
    record SpanBody(Integer start, Integer end) {

        boolean valid() {
            return start != null && end != null && start >= 0 && end >= start;
        }

        TextSpan span() {
            return new TextSpan(start, end);
        }
    }

    /** A claim as a client writes it; members it does not know are ignored, as the store's own properties are. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimBody(String claimant, String side, Integer fatalities, Integer injured, String summary, String source, SpanBody span) {

        Claim claim() {
            return new Claim(stripped(claimant), stripped(side), fatalities, injured, stripped(summary), stripped(source),
                    span == null || !span.valid() ? null : span.span());
        }
    }

    /** A source as a client writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SourceBody(String id, String url, String outlet, LocalDate published, String title, Long report, List<SpanBody> spans) {

        SourceRef source() {
            return new SourceRef(stripped(id), stripped(url), stripped(outlet), published, stripped(title), report,
                    spans == null ? List.of() : spans.stream().filter(s -> s != null && s.valid()).map(SpanBody::span).toList());
        }
    }

    private static String stripped(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
