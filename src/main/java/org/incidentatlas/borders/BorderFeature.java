package org.incidentatlas.borders;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.incidentatlas.web.FieldError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;

import tools.jackson.databind.JsonNode;

/**
 * An analyst's border layer as a client sends it: a GeoJSON Feature whose id (the feature's, or
 * {@code properties.id}) names the layer. Members it does not know are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BorderFeature(JsonNode id, JsonNode geometry, @Valid Properties properties) {

    private static final String REQUIRED_NAME = "is required (at most 300 characters)";

    public BorderFeature {
        properties = properties == null ? new Properties(null, null, null, null) : properties;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(JsonNode id, @NotBlank(message = REQUIRED_NAME) @Size(max = 300, message = REQUIRED_NAME) String name,
                             @JsonProperty("valid_from") LocalDate validFrom, @JsonProperty("valid_to") LocalDate validTo) {

        public Properties {
            name = name == null ? null : name.strip();
        }
    }

    /** The feature's id if it is a string, else {@code properties.id}. */
    public String layerId() {
        return id != null && id.isString() ? id.asString() : properties.id() == null ? null : properties.id().asString(null);
    }

    /**
     * The rules no annotation states: the id may come from two places, valid_to is checked against
     * valid_from, and the geometry is read and checked by JTS. Adds to {@code errors}; the geometry
     * when it is usable.
     */
    Geometry check(List<FieldError> errors) {
        String layerId = layerId();
        if (layerId == null || !layerId.matches("[A-Za-z0-9._-]{1,100}")) {
            errors.add(new FieldError("id", "is required: 1 to 100 letters, digits, '.', '_' or '-' (as the feature id or properties.id)"));
        }
        if (properties.validFrom() != null && properties.validTo() != null && properties.validTo().isBefore(properties.validFrom())) {
            errors.add(new FieldError("properties.valid_to", "is before valid_from"));
        }
        return geometry(errors);
    }

    private Geometry geometry(List<FieldError> errors) {
        if (geometry == null || geometry.isNull()) {
            errors.add(new FieldError("geometry", "is required: a (Multi)LineString or (Multi)Polygon"));
            return null;
        }
        Geometry g;
        try {
            g = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326)).read(geometry.toString());
        } catch (Exception e) {
            errors.add(new FieldError("geometry", "is not a valid GeoJSON geometry: " + e.getMessage()));
            return null;
        }
        if (!(g instanceof Lineal || g instanceof Polygonal) || g.isEmpty()) {
            errors.add(new FieldError("geometry", "must be a (Multi)LineString or (Multi)Polygon, not " + g.getGeometryType()));
            return null;
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                errors.add(new FieldError("geometry", "position [" + c.x + ", " + c.y + "] is outside WGS 84 bounds (GeoJSON order is longitude, latitude)"));
                return null;
            }
        }
        IsValidOp validity = new IsValidOp(g);
        if (!validity.isValid()) {
            errors.add(new FieldError("geometry", "is not valid: " + validity.getValidationError().getMessage()));
            return null;
        }
        g.setSRID(4326);
        return g;
    }
}
