package org.incidentatlas.ogcapi;

import org.incidentatlas.web.ServiceLinks;
import org.incidentatlas.web.OutputFormat;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.RequestFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.Link;
import org.springframework.http.HttpStatus;
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

    private final FeatureSources sources;
    private final CrsRegistry crs;
    private final ReadEtags etags;

    public CollectionsController(FeatureSources sources, CrsRegistry crs, ReadEtags etags) {
        this.sources = sources;
        this.crs = crs;
        this.etags = etags;
    }

    @GetMapping("/collections")
    @Operation(summary = "The feature collections")
    ResponseEntity<Collections> collections(HttpServletRequest request,
            @Parameter(description = "Output format: json or html") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON, OutputFormat.DOCUMENTS);
        List<Link> links = List.of(new Link(ServiceLinks.url("/collections"), "self", "application/json", "This document"),
                new Link(ServiceLinks.url("/collections?f=html"), "alternate", "text/html", "This document as HTML"));
        String etag = etags.of(request, type.toString());
        if (ReadEtags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(etag)
                .body(new Collections(links, sources.all().stream().map(this::describe).toList()));
    }

    @GetMapping("/collections/{collectionId}")
    @Operation(summary = "One feature collection, with its spatial and temporal extent")
    ResponseEntity<Collection> collection(HttpServletRequest request, @PathVariable String collectionId,
            @Parameter(description = "Output format: json or html") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        FeatureSource source = sources.get(collectionId);
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON, OutputFormat.DOCUMENTS);
        String etag = etags.of(request, type.toString());
        if (ReadEtags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(etag).body(describe(source));
    }

    private Collection describe(FeatureSource source) {
        String base = "/collections/" + source.id();
        List<Link> links = new ArrayList<>(List.of(
                new Link(ServiceLinks.url(base), "self", "application/json", "This collection"),
                new Link(ServiceLinks.url(base + "/items"), "items", OgcMediaTypes.GEOJSON_VALUE, source.title() + " as GeoJSON"),
                new Link(ServiceLinks.url(base + "?f=html"), "alternate", "text/html", "This collection as HTML"),
                new Link(ServiceLinks.url(base + "/items?f=html"), "items", "text/html", source.title() + " as HTML"),
                new Link(ServiceLinks.url(base + "/items?f=csv"), "items", "text/csv", source.title() + " as CSV"),
                new Link(ServiceLinks.url(base + "/items?f=fgb"), "items", "application/flatgeobuf", source.title() + " as FlatGeobuf"),
                new Link(ServiceLinks.url(base + "/items?f=gpkg"), "items", "application/geopackage+sqlite3", source.title() + " as GeoPackage")));
        for (OutputFormat f : DownloadController.FORMATS) {
            MediaType t = f.mediaType(OgcMediaTypes.GEOJSON);
            links.add(new Link(ServiceLinks.url(base + "/download?f=" + f.parameter()), "enclosure", t.getType() + "/" + t.getSubtype(),
                    "Every feature in one " + ItemsRepresentations.title(f) + " file"
                            + (f == OutputFormat.FLATGEOBUF ? ", with its spatial index" : "")));
        }
        links.add(new Link(ServiceLinks.url(base + "/tiles"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                "application/json", source.title() + " as vector tiles (OGC API - Tiles)"));
        if (!source.queryables().isEmpty()) {
            links.add(QueryablesController.link(source));
        }
        if (source.id().equals(IncidentsSource.ID)) {
            links.add(ChangesController.link());
        }
        Extent extent = source.extent().map(e -> new Extent(
                new Spatial(List.<double[]>of(new double[] {e.bbox().minLon(), e.bbox().minLat(), e.bbox().maxLon(), e.bbox().maxLat()}),
                        ItemsRequest.CRS84),
                e.dates() == null ? null
                        : new Temporal(List.of(List.of(startOf(e.dates().start()), endOf(e.dates().end()))), GREGORIAN)))
                .orElse(null);
        return new Collection(source.id(), source.title(), source.description(), extent, "feature",
                crs.uris(), ItemsRequest.CRS84, links);
    }

    private static String startOf(LocalDate day) {
        return day + "T00:00:00Z";
    }

    private static String endOf(LocalDate day) {
        return day + "T23:59:59Z";
    }
}
