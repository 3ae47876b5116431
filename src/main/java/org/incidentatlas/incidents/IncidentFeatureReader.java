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

import org.incidentatlas.web.FieldError;
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
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), JdbcIncidentStore.SRID);

    public IncidentFeatureReader(IncidentValidator validator) {
        this.validator = validator;
    }

    /** Parses and validates; throws {@link InvalidIncidentException} naming every bad field. */
    public IncidentData read(JsonNode feature) {
        Fields f = new Fields();
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
                        ? list(p, name, (c, at) -> new Claim(text(c, "claimant", at), text(c, "side", at), integer(c, "fatalities", at),
                                integer(c, "injured", at), text(c, "summary", at), text(c, "source", at), span(c, "span", at)))
                        : list(p, name, (s, at) -> new SourceRef(text(s, "id", at), text(s, "url", at),
                                text(s, "outlet", at), date(s, "published", at), text(s, "title", at),
                                longInteger(s, "report", at), spans(s, "spans", at)));
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

        Long longInteger(JsonNode obj, String name, String at) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                error(at + "." + name, "must be a whole number");
                return null;
            }
            return v.longValue();
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

        /** {"start": s, "end": e} with 0 <= s <= e. */
        TextSpan span(JsonNode obj, String name, String at) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            return span(v, at + "." + name);
        }

        private TextSpan span(JsonNode v, String field) {
            if (!v.isObject()) {
                error(field, "must be an object {\"start\": …, \"end\": …}");
                return null;
            }
            Integer start = integer(v, "start", field);
            Integer end = integer(v, "end", field);
            if (start == null || end == null || start < 0 || end < start) {
                error(field, "needs whole numbers start and end with 0 <= start <= end");
                return null;
            }
            return new TextSpan(start, end);
        }

        List<TextSpan> spans(JsonNode obj, String name, String at) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                error(at + "." + name, "must be an array");
                return List.of();
            }
            List<TextSpan> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                TextSpan s = span(v.get(i), at + "." + name + "[" + i + "]");
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
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

        <T> List<T> list(JsonNode obj, String name, ElementReader<T> element) {
            JsonNode v = obj.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                error("properties." + name, "must be an array");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                String at = "properties." + name + "[" + i + "]";
                if (!v.get(i).isObject()) {
                    error(at, "must be an object");
                    continue;
                }
                out.add(element.read(v.get(i), at));
            }
            return out;
        }
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonNode node, String at);
    }
}
