package org.incidentatlas.ogcapi;

import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.Link;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.cql.Queryable;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /collections/{id}/queryables} (Part 3): the properties a CQL2 filter may name, as a
 * JSON Schema (draft 2020-12) with the OGC formats for geometries and temporal values.
 */
@RestController
@Tag(name = "Data")
public class QueryablesController {

    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final FeatureSources sources;

    public QueryablesController(FeatureSources sources) {
        this.sources = sources;
    }

    static Link link(FeatureSource source) {
        return new Link(ServiceLinks.url("/collections/" + source.id() + "/queryables"), REL, SCHEMA_JSON.toString(),
                "Properties a filter may name");
    }

    @GetMapping("/collections/{collectionId}/queryables")
    @Operation(summary = "The properties a CQL2 filter on the collection may name (JSON Schema)")
    ResponseEntity<Map<String, Object>> queryables(@PathVariable String collectionId,
            @Parameter(description = "Output format: json") @RequestParam(name = "f", required = false) String f) {
        FeatureSource source = sources.get(collectionId);
        if (f != null && !f.equals("json")) {
            throw ApiException.badParameter("f='" + f + "' is not supported here; use f=json");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Queryable q : source.queryables()) {
            properties.put(q.name(), schema(q));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", ServiceLinks.url("/collections/" + collectionId + "/queryables"));
        doc.put("type", "object");
        doc.put("title", source.title());
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(doc);
    }

    private static Map<String, Object> schema(Queryable q) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", q.name());
        s.put("description", q.description());
        switch (q.type()) {
            case STRING -> s.put("type", "string");
            case NUMBER -> s.put("type", "number");
            case INTEGER -> s.put("type", "integer");
            case BOOLEAN -> s.put("type", "boolean");
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
            }
            case TIMESTAMP -> {
                s.put("type", "string");
                s.put("format", "date-time");
            }
            case INTERVAL -> {
                s.put("type", "array");
                s.put("minItems", 2);
                s.put("maxItems", 2);
                s.put("items", Map.of("type", "string", "format", "date"));
                s.put("format", "interval");
            }
            case GEOMETRY -> {
                s.put("format", "geometry-any");
                s.put("x-ogc-role", "primary-geometry");
            }
        }
        return s;
    }
}
