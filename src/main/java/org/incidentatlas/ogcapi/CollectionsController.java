package org.incidentatlas.ogcapi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.incidents.IncidentStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /collections} and {@code /collections/{collectionId}}: what can be fetched, with its extent. */
@RestController
@Tag(name = "Data")
public class CollectionsController {

    static final String INCIDENTS = "incidents";

    record Collections(List<Link> links, List<Collection> collections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Collection(String id, String title, String description, Extent extent, String itemType, List<String> crs,
                      String storageCrs, List<Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extent(Spatial spatial, Temporal temporal) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    record Temporal(List<List<String>> interval, String trs) {
    }

    private static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private final IncidentStore incidents;

    public CollectionsController(IncidentStore incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/collections")
    @Operation(summary = "The feature collections")
    ResponseEntity<Collections> collections(HttpServletRequest request,
            @Parameter(description = "Output format: json") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON);
        List<Link> links = List.of(new Link(ServiceLinks.url("/collections"), "self", "application/json", "This document"));
        return ResponseEntity.ok().contentType(type).body(new Collections(links, List.of(incidentsCollection())));
    }

    @GetMapping("/collections/{collectionId}")
    @Operation(summary = "One feature collection, with its spatial and temporal extent")
    ResponseEntity<Collection> collection(HttpServletRequest request, @PathVariable String collectionId,
            @Parameter(description = "Output format: json") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        requireKnown(collectionId);
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON);
        return ResponseEntity.ok().contentType(type).body(incidentsCollection());
    }

    static void requireKnown(String collectionId) {
        if (!INCIDENTS.equals(collectionId)) {
            throw ApiException.notFound("there is no collection '" + collectionId + "'; see /collections");
        }
    }

    private Collection incidentsCollection() {
        String base = "/collections/" + INCIDENTS;
        List<Link> links = new ArrayList<>();
        links.add(new Link(ServiceLinks.url(base), "self", "application/json", "This collection"));
        links.add(new Link(ServiceLinks.url(base + "/items"), "items", OgcMediaTypes.GEOJSON_VALUE, "The incidents as GeoJSON"));
        Extent extent = incidents.extent().map(e -> new Extent(
                new Spatial(List.<double[]>of(new double[] {e.bbox().minLon(), e.bbox().minLat(), e.bbox().maxLon(), e.bbox().maxLat()}),
                        ItemsRequest.CRS84),
                new Temporal(List.of(List.of(startOf(e.dates().start()), endOf(e.dates().end()))), GREGORIAN)))
                .orElse(null);
        return new Collection(INCIDENTS, "Incidents",
                "Armed-conflict incidents, one per event, location and day (ACLED-style coding), with casualty claims and sources.",
                extent, "feature", List.of(ItemsRequest.CRS84), ItemsRequest.CRS84, links);
    }

    private static String startOf(LocalDate day) {
        return day + "T00:00:00Z";
    }

    private static String endOf(LocalDate day) {
        return day + "T23:59:59Z";
    }
}
