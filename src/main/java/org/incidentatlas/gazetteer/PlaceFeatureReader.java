package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.FieldError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads an analyst's place (a GeoJSON Feature) for {@code /collections/places/items}, checking
 * every rule before anything is stored and reporting each offending field (422): a name, a known
 * feature_type, an ISO 3166-1 alpha-3 country, a valid geometry inside WGS 84 bounds, a source
 * (where the place comes from: required, as for every committed row), and, when given, admin
 * units, alternate names and uncertainty_m (0–500 km; default by feature type, as for committed rows).
 */
@Component
public class PlaceFeatureReader {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Set<String> WRITABLE = PlaceField.with(PlaceField.Trait.WRITABLE).stream().map(PlaceField::property)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    /** What reads add; a client may send a feature back as it read it. */
    private static final Set<String> READ_ONLY = Stream.concat(Stream.of("id", "score", "matched_name"),
            PlaceField.PROPERTIES.stream().filter(f -> !f.has(PlaceField.Trait.WRITABLE)).map(PlaceField::property))
            .collect(Collectors.toUnmodifiableSet());

    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    /** The place a feature describes; {@code pathId} is the id in the URL (PUT) or null (POST: the feature's id). */
    public Place read(JsonNode feature, String pathId) {
        List<FieldError> errors = new ArrayList<>();
        if (feature == null || !feature.isObject()) {
            throw ApiException.unprocessable("Place", List.of(new FieldError("body", "must be a GeoJSON Feature object")));
        }
        if (!"Feature".equals(feature.path("type").asString(""))) {
            errors.add(new FieldError("type", "must be \"Feature\""));
        }
        String id = id(feature, pathId, errors);
        JsonNode p = feature.get("properties");
        if (p == null || !p.isObject()) {
            errors.add(new FieldError("properties", "is required: an object with name, feature_type, country and source"));
            throw ApiException.unprocessable("Place", errors);
        }
        for (String name : p.propertyNames()) {
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                errors.add(new FieldError("properties." + name, "is not a place property; known: " + WRITABLE));
            }
        }
        String name = text(p, "name", 300, true, errors);
        String typeCode = text(p, "feature_type", 40, true, errors);
        FeatureType type = typeCode == null ? null : FeatureType.fromCode(typeCode).orElse(null);
        if (typeCode != null && type == null) {
            errors.add(new FieldError("properties.feature_type", "'" + typeCode + "' is not one of "
                    + java.util.Arrays.stream(FeatureType.values()).map(FeatureType::code).toList()));
        }
        String country = text(p, "country", 3, true, errors);
        if (country != null && !ISO3.contains(country)) {
            errors.add(new FieldError("properties.country", "'" + country + "' is not an ISO 3166-1 alpha-3 code (e.g. ARM, AZE)"));
        }
        String admin1 = text(p, "admin1", 200, false, errors);
        String admin2 = text(p, "admin2", 200, false, errors);
        String source = text(p, "source", 1000, true, errors);
        Long population = whole(p, "population", Long.MAX_VALUE, errors);
        Long uncertainty = whole(p, "uncertainty_m", PlaceUncertainty.MAX_M, errors);
        List<AltName> altNames = altNames(p.get("alt_names"), errors);
        Geometry geometry = geometry(feature.get("geometry"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("Place", errors);
        }
        Point point = geometry instanceof Point pt ? pt : geometry.getInteriorPoint();
        point.setSRID(4326);
        Integer radius = uncertainty != null ? Integer.valueOf(uncertainty.intValue())
                : PlaceUncertainty.of(type, source, geometry, point);
        return new Place(id, name, type, country, admin1, admin2, geometry, point, population, altNames, source, radius);
    }

    private static String id(JsonNode feature, String pathId, List<FieldError> errors) {
        JsonNode node = feature.get("id");
        String given = node == null || node.isNull() ? null : node.isString() ? node.asString() : null;
        if (node != null && !node.isNull() && !node.isString()) {
            errors.add(new FieldError("id", "must be a string such as \"aze-tovuz-example\""));
        }
        if (pathId != null) {
            if (given != null && !given.equals(pathId)) {
                errors.add(new FieldError("id", "'" + given + "' differs from the id in the URL, '" + pathId + "'"));
            }
            return pathId;
        }
        if (given == null) {
            errors.add(new FieldError("id", "is required: lower-case letters, digits and hyphens, e.g. \"arm-gegharkunik-norabak\""));
        } else if (!ID.matcher(given).matches()) {
            errors.add(new FieldError("id", "'" + given + "' must be 1-100 lower-case letters, digits and hyphens"));
        }
        return given;
    }

    private static String text(JsonNode p, String name, int max, boolean required, List<FieldError> errors) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            if (required) {
                errors.add(new FieldError("properties." + name, "is required"));
            }
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError("properties." + name, "must be a string"));
            return null;
        }
        String s = v.asString().strip();
        if (s.length() > max) {
            errors.add(new FieldError("properties." + name, "is " + s.length() + " characters long; at most " + max));
            return null;
        }
        return s;
    }

    private static Long whole(JsonNode p, String name, long max, List<FieldError> errors) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
            errors.add(new FieldError("properties." + name, "must be a whole number from 0 to " + max));
            return null;
        }
        return v.asLong();
    }

    private static List<AltName> altNames(JsonNode v, List<FieldError> errors) {
        List<AltName> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            errors.add(new FieldError("properties.alt_names", "must be an array of {\"lang\": …, \"name\": …}"));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode a = v.get(i);
            String at = "properties.alt_names[" + i + "]";
            if (!a.isObject() || !a.path("name").isString() || a.path("name").asString().isBlank()
                    || !a.path("lang").isString() || a.path("lang").asString().isBlank()) {
                errors.add(new FieldError(at, "must be {\"lang\": \"hy\"|\"ru\"|\"az\"|\"en\"|\"other\"…, \"name\": …}"));
                continue;
            }
            out.add(new AltName(a.path("lang").asString().strip(), a.path("name").asString().strip()));
        }
        return out;
    }

    private Geometry geometry(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("geometry", "is required (a GeoJSON Point, LineString or Polygon in longitude, latitude order)"));
            return null;
        }
        Geometry g;
        try {
            g = new GeoJsonReader(geometries).read(node.toString());
            g.setSRID(4326);
        } catch (Exception e) {
            errors.add(new FieldError("geometry", "is not a valid GeoJSON geometry: " + e.getMessage()));
            return null;
        }
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            errors.add(new FieldError("geometry", "GeometryCollection is not supported"));
            return null;
        }
        if (g.isEmpty()) {
            errors.add(new FieldError("geometry", "is empty"));
            return null;
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                errors.add(new FieldError("geometry", "position [" + c.x + ", " + c.y
                        + "] is outside WGS 84 bounds (GeoJSON order is longitude, latitude)"));
                return null;
            }
        }
        IsValidOp validity = new IsValidOp(g);
        if (!validity.isValid()) {
            errors.add(new FieldError("geometry", "is not valid: " + validity.getValidationError().getMessage()
                    + " at " + validity.getValidationError().getCoordinate()));
            return null;
        }
        return g;
    }
}
