package org.incidentatlas.gazetteer;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.web.WriteAccess;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.ETags;
import org.incidentatlas.web.FeatureWriter;
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
 * Analysts correct the gazetteer (OGC API - Features Part 4 on the places collection): add a
 * place, replace one, withdraw one. The gazetteer answers with the change at once; it is stored in
 * the database and outlives restarts and reloads of the committed files. Writes need the bearer
 * token ({@link WriteAccess}); If-Match with the ETag (the correction count, "0" for a place as
 * committed) guards replace and delete.
 */
@RestController
@Tag(name = "Write")
@SecurityRequirement(name = "bearer")
public class PlaceWriteController {

    private static final String ITEMS = "/collections/" + Place.COLLECTION_ID + "/items";

    private final PlaceCorrections corrections;
    private final PlaceFeatureReader reader;
    private final FeatureWriter<Place> writer;
    private final JsonMapper json;

    public PlaceWriteController(PlaceCorrections corrections, PlaceFeatureReader reader, FeatureWriter<Place> writer, JsonMapper json) {
        this.corrections = corrections;
        this.reader = reader;
        this.writer = writer;
        this.json = json;
    }

    @PostMapping(path = ITEMS, consumes = {OgcMediaTypes.GEOJSON_VALUE, "application/json"})
    @Operation(summary = "Add a place to the gazetteer (a GeoJSON Feature with id, name, feature_type, country, source)",
            description = "201 with the stored place, its Location and ETag; 409 if the id is taken; 422 naming each bad field.")
    ResponseEntity<StreamingResponseBody> create(@RequestBody String body) {
        Place place = reader.read(parse(body), null);
        PlaceCorrections.Versioned stored = call(() -> corrections.create(place));
        String location = ServiceLinks.url(ITEMS + "/" + place.id());
        return ResponseEntity.created(URI.create(location)).contentType(OgcMediaTypes.GEOJSON)
                .eTag(etag(stored)).body(document(stored.place(), location));
    }

    @PutMapping(path = ITEMS + "/{featureId}", consumes = {OgcMediaTypes.GEOJSON_VALUE, "application/json"})
    @Operation(summary = "Replace a gazetteer place", description = "Committed places too; If-Match with the ETag you read (412 if it changed).")
    ResponseEntity<StreamingResponseBody> replace(@PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody String body) {
        Integer expected = ETags.expectedVersion(ifMatch);
        Place place = reader.read(parse(body), featureId);
        PlaceCorrections.Versioned stored = call(() -> corrections.replace(place, expected));
        String location = ServiceLinks.url(ITEMS + "/" + place.id());
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON).eTag(etag(stored)).body(document(stored.place(), location));
    }

    @DeleteMapping(ITEMS + "/{featureId}")
    @Operation(summary = "Withdraw a gazetteer place", description = "Committed places too; If-Match with the ETag you read (412 if it changed).")
    ResponseEntity<Void> delete(@PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Integer expected = ETags.expectedVersion(ifMatch);
        call(() -> {
            corrections.delete(featureId, expected);
            return null;
        });
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    static String etag(PlaceCorrections.Versioned v) {
        return "\"" + v.version() + "\"";
    }

    private interface Write<T> {
        T run();
    }

    private static <T> T call(Write<T> write) {
        try {
            return write.run();
        } catch (PlaceCorrectionException e) {
            throw switch (e.reason()) {
                case DUPLICATE_ID -> new ApiException(HttpStatus.CONFLICT, "DuplicateId", e.getMessage());
                case NOT_FOUND -> ApiException.notFound(e.getMessage());
                case STALE_VERSION -> new ApiException(HttpStatus.PRECONDITION_FAILED, "PreconditionFailed", e.getMessage());
            };
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private StreamingResponseBody document(Place place, String self) {
        List<Link> links = List.of(new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This feature"),
                new Link(ServiceLinks.url("/collections/" + Place.COLLECTION_ID), "collection", "application/json", "The collection"));
        return out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                writer.write(g, place, links);
            }
        };
    }
}
