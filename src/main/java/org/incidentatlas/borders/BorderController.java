package org.incidentatlas.borders;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.geodesy.NearestPoint;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.FieldError;
import org.incidentatlas.web.JsonBodies;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.PropertyValues;
import org.incidentatlas.web.ServiceLinks;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Border layers and distances: analysts add and remove their own layers (a line of contact, a
 * corridor, a buffer zone); any point can be measured against any border; the background
 * recompute of incidents' metrics reports its progress.
 */
@RestController
@Tag(name = "Borders")
public class BorderController {

    private final BorderRegistry borders;
    private final BorderMetricsProgress job;
    private final JsonMapper json;
    private final JsonBodies bodies;

    public BorderController(BorderRegistry borders, BorderMetricsProgress job, JsonMapper json, JsonBodies bodies) {
        this.borders = borders;
        this.job = job;
        this.json = json;
        this.bodies = bodies;
    }

    @GetMapping("/borders/{borderId}/distance")
    @Operation(summary = "Geodesic distance from a point to a border",
            description = "Distance on the WGS 84 ellipsoid in metres, the border's nearest point, and the country whose territory holds the point.")
    ResponseEntity<Map<String, Object>> distance(@PathVariable String borderId,
            @Parameter(description = "lon,lat") @RequestParam(required = false) String point) {
        BorderSet set = borders.current();
        if (set.border(borderId).isEmpty()) {
            throw ApiException.notFound("there is no border '" + borderId + "'; see /collections/borders/items");
        }
        if (point == null) {
            throw ApiException.badParameter("point=lon,lat is required");
        }
        double[] p = PropertyValues.point("point", point);
        NearestPoint nearest = set.nearest(borderId, p[0], p[1]).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("border", borderId);
        body.put("point", p);
        body.put("distance_m", Math.round(nearest.distanceM() * 100) / 100.0);
        body.put("nearest_point", new double[] {nearest.lon(), nearest.lat()});
        body.put("side", set.side(p[0], p[1]));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(path = "/borders", consumes = {OgcMediaTypes.GEOJSON_VALUE, "application/json"})
    @Operation(summary = "Add or replace an analyst's border layer",
            description = "A GeoJSON Feature of a (Multi)LineString or (Multi)Polygon with an id and properties name, "
                    + "optional valid_from / valid_to (ISO dates). Incidents' border metrics are recomputed in the background.")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<Map<String, Object>> save(@RequestBody String body) {
        Border border = read(body);
        if (borders.current().border(border.id()).filter(b -> Border.INTERNATIONAL.equals(b.kind())).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "Conflict", "'" + border.id()
                    + "' is an international border from the geodata; give the analyst's layer another id");
        }
        borders.save(border);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", border.id());
        answer.put("recompute", job.status());
        answer.put("links", List.of(
                new Link(ServiceLinks.url("/collections/borders/items/" + border.id()), "self", OgcMediaTypes.GEOJSON_VALUE, "The border"),
                new Link(ServiceLinks.url("/borders/recompute"), "status", "application/json", "Progress of the metrics recompute")));
        return ResponseEntity.created(URI.create(ServiceLinks.url("/collections/borders/items/" + border.id())))
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @DeleteMapping("/borders/{borderId}")
    @Operation(summary = "Delete an analyst's border layer")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<Void> delete(@PathVariable String borderId) {
        var existing = borders.current().border(borderId)
                .orElseThrow(() -> ApiException.notFound("there is no border '" + borderId + "'"));
        if (Border.INTERNATIONAL.equals(existing.kind())) {
            throw new ApiException(HttpStatus.CONFLICT, "Conflict", "'" + borderId + "' is an international border from the geodata and cannot be deleted");
        }
        borders.delete(borderId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/borders/recompute")
    @Operation(summary = "Progress of the background recompute of incidents' border metrics")
    ResponseEntity<BorderMetricsProgress.Status> recomputeStatus() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(job.status());
    }

    private Border read(String body) {
        JsonNode f;
        try {
            f = json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (f == null || !f.isObject() || !"Feature".equals(f.path("type").asString(null))) {
            throw invalid(List.of(new FieldError("type", "the body must be a GeoJSON Feature")));
        }
        JsonBodies.Read<BorderFeature> read = bodies.read(f, BorderFeature.class, "");
        List<FieldError> errors = new ArrayList<>(read.errors());
        BorderFeature feature = read.value();
        if (feature == null) {
            throw invalid(errors);
        }
        Geometry geometry = feature.check(errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        BorderFeature.Properties p = feature.properties();
        return new Border(feature.layerId(), p.name(), Border.CUSTOM, null, null, geometry, "analyst layer", null, p.validFrom(), p.validTo());
    }

    private static ApiException invalid(List<FieldError> errors) {
        return ApiException.unprocessable("Border", errors);
    }
}
