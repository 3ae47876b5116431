package org.incidentatlas.ogcapi;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.web.WriteAccess;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentFeatureReader;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.ETags;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Create, replace and delete incidents (OGC API - Features Part 4). Writes need the bearer token
 * (see {@link WriteAccess}); replace and delete honour If-Match with the ETag a read returned.
 */
@RestController
@Tag(name = "Write")
@SecurityRequirement(name = "bearer")
public class IncidentWriteController {

    private static final String ITEMS = "/collections/{collectionId}/items";

    private final FeatureSources sources;
    private final IncidentStore incidents;
    private final IncidentFeatureReader reader;
    private final IncidentFeatureWriter writer;
    private final JsonMapper json;

    public IncidentWriteController(FeatureSources sources, IncidentStore incidents, IncidentFeatureReader reader,
                                   IncidentFeatureWriter writer, JsonMapper json) {
        this.sources = sources;
        this.incidents = incidents;
        this.reader = reader;
        this.writer = writer;
        this.json = json;
    }

    @PostMapping(path = ITEMS, consumes = {OgcMediaTypes.GEOJSON_VALUE, "application/json"})
    @Operation(summary = "Add an incident (a GeoJSON Feature)", description = "201 with the stored feature, its Location and ETag.")
    ResponseEntity<StreamingResponseBody> create(@PathVariable String collectionId, @RequestBody String body) {
        requireIncidents(collectionId);
        IncidentData data = reader.read(parse(body));
        Incident stored = incidents.create(data);
        String location = ServiceLinks.url("/collections/" + collectionId + "/items/" + stored.id());
        return ResponseEntity.created(URI.create(location)).contentType(OgcMediaTypes.GEOJSON)
                .eTag(FeatureIds.etag(stored)).body(document(stored, location, collectionId));
    }

    @PutMapping(path = ITEMS + "/{featureId}", consumes = {OgcMediaTypes.GEOJSON_VALUE, "application/json"})
    @Operation(summary = "Replace an incident", description = "Send If-Match with the ETag you read; 412 if it changed since.")
    ResponseEntity<StreamingResponseBody> replace(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody String body) {
        requireIncidents(collectionId);
        long id = FeatureIds.parse(featureId);
        Integer expected = ETags.expectedVersion(ifMatch);
        IncidentData data = reader.read(parse(body));
        Incident stored = incidents.update(id, data, expected);
        String location = ServiceLinks.url("/collections/" + collectionId + "/items/" + stored.id());
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON).eTag(FeatureIds.etag(stored))
                .body(document(stored, location, collectionId));
    }

    @DeleteMapping(ITEMS + "/{featureId}")
    @Operation(summary = "Delete an incident", description = "Send If-Match with the ETag you read; 412 if it changed since.")
    ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireIncidents(collectionId);
        long id = FeatureIds.parse(featureId);
        incidents.delete(id, ETags.expectedVersion(ifMatch));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private void requireIncidents(String collectionId) {
        FeatureSource source = sources.get(collectionId);
        if (!source.id().equals(IncidentsSource.ID)) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed",
                    "collection '" + collectionId + "' is read-only; only incidents are written through this API");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody",
                    "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private StreamingResponseBody document(Incident incident, String self, String collectionId) {
        List<Link> links = List.of(new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This feature"),
                new Link(ServiceLinks.url("/collections/" + collectionId), "collection", "application/json", "The collection"));
        return out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                writer.write(g, incident, links);
            }
        };
    }
}
