package org.incidentatlas.ogcapi;

import org.incidentatlas.web.ServiceLinks;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.OutputFormat;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.RequestFormat;
import org.incidentatlas.web.StreamedBody;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.filter.PageSlice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Features of a collection. A page is written while it is read: the JSON generator is fed from
 * the database cursor, so memory does not grow with the page size.
 */
@RestController
@Tag(name = "Data")
public class ItemsController {

    private final FeatureSources sources;
    private final JsonMapper json;
    private final ItemsRepresentations representations;
    private final CrsRegistry crs;
    private final FilterLimits filterLimits;
    private final ReplicaReads reads;
    private final ReadEtags etags;

    public ItemsController(FeatureSources sources, JsonMapper json, ItemsRepresentations representations, CrsRegistry crs,
                           FilterLimits filterLimits, ReplicaReads reads, ReadEtags etags) {
        this.sources = sources;
        this.etags = etags;
        this.reads = reads;
        this.json = json;
        this.representations = representations;
        this.crs = crs;
        this.filterLimits = filterLimits;
    }

    @GetMapping("/collections/{collectionId}/items")
    @Operation(summary = "Features of the collection, one page at a time",
            description = "Filters combine with AND. Pages are keyset pages in id order: follow the 'next' and 'prev' links.")
    // documented here, not bound as arguments: ItemsRequest reads them all from the request, and binding
    // each one (a data binder per argument) cost a tenth of a page's time
    @Parameter(in = ParameterIn.QUERY, name = "bbox", schema = @Schema(type = "string"),
            description = "minLon,minLat,maxLon,maxLat (WGS 84, or in bbox-crs axis order); features intersecting the box")
    @Parameter(in = ParameterIn.QUERY, name = "bbox-crs", schema = @Schema(type = "string"),
            description = "CRS of bbox (Part 2): a URI from the collection's crs list, default CRS84")
    @Parameter(in = ParameterIn.QUERY, name = "crs", schema = @Schema(type = "string"),
            description = "CRS of the returned geometries (Part 2), e.g. http://www.opengis.net/def/crs/EPSG/0/4326 (latitude first), EPSG/0/3857, EPSG/0/32638, EPSG/0/32639")
    @Parameter(in = ParameterIn.QUERY, name = "filter", schema = @Schema(type = "string"),
            description = "CQL2 filter (Part 3), e.g. fatalities > 0 AND S_INTERSECTS(geometry, BBOX(45,39,47,40)); names come from /collections/{id}/queryables")
    @Parameter(in = ParameterIn.QUERY, name = "filter-lang", schema = @Schema(type = "string"),
            description = "cql2-text (default) or cql2-json")
    @Parameter(in = ParameterIn.QUERY, name = "filter-crs", schema = @Schema(type = "string"),
            description = "CRS of geometry literals in filter, default CRS84")
    @Parameter(in = ParameterIn.QUERY, name = "properties", schema = @Schema(type = "string"),
            description = "Comma-separated property names to return (others are left out), e.g. event_date,fatalities; "
                    + "CSV, FlatGeobuf, GeoPackage and HTML keep the id column too")
    @Parameter(in = ParameterIn.QUERY, name = "datetime", schema = @Schema(type = "string"),
            description = "A date or date-time, or an interval: 2022-09-13, 2022-09-01/2022-09-30, ../2024-02-13, 2024-01-01/..")
    @Parameter(in = ParameterIn.QUERY, name = "limit", schema = @Schema(type = "string"),
            description = "Page size, 1 to 10000 (larger values are served as 10000)")
    @Parameter(in = ParameterIn.QUERY, name = "cursor", schema = @Schema(type = "string"),
            description = "Opaque page position from a next or prev link")
    @Parameter(in = ParameterIn.QUERY, name = "event_type", schema = @Schema(type = "string"),
            description = "incidents: ACLED event type, e.g. Explosions/Remote violence")
    @Parameter(in = ParameterIn.QUERY, name = "sub_event_type", schema = @Schema(type = "string"),
            description = "incidents: ACLED sub-event type, e.g. Shelling/artillery/missile attack")
    @Parameter(in = ParameterIn.QUERY, name = "country", schema = @Schema(type = "string"),
            description = "ISO 3166-1 alpha-3 code of where it happened, e.g. ARM")
    @Parameter(in = ParameterIn.QUERY, name = "admin1", schema = @Schema(type = "string"),
            description = "First-level administrative unit, e.g. Syunik")
    @Parameter(in = ParameterIn.QUERY, name = "actor", schema = @Schema(type = "string"),
            description = "incidents: an actor, matched against actor1 and actor2")
    @Parameter(in = ParameterIn.QUERY, name = "place_id", schema = @Schema(type = "string"),
            description = "incidents: gazetteer id of the place")
    @Parameter(in = ParameterIn.QUERY, name = "geo_precision", schema = @Schema(type = "string"),
            description = "incidents: 1 exact place, 2 near or part of a region, 3 province or larger")
    @Parameter(in = ParameterIn.QUERY, name = "border", schema = @Schema(type = "string"),
            description = "incidents: border ids, comma-separated (default: all borders), e.g. ARM-AZE")
    @Parameter(in = ParameterIn.QUERY, name = "max-border-distance", schema = @Schema(type = "string"),
            description = "incidents: at most this many metres (geodesic) from the border(s)")
    @Parameter(in = ParameterIn.QUERY, name = "near", schema = @Schema(type = "string"),
            description = "incidents: lon,lat; with radius, incidents within radius metres (geodesic)")
    @Parameter(in = ParameterIn.QUERY, name = "radius", schema = @Schema(type = "string"),
            description = "incidents: metres around near, at most 1000000")
    @Parameter(in = ParameterIn.QUERY, name = "sortby", schema = @Schema(type = "string"),
            description = "incidents: one or more of event_date, event_date_end, fatalities, injured, border_distance_m, geo_precision, country, admin1, event_type, sub_event_type, location_name, id, each with + (default) or -, e.g. -event_date,fatalities")
    @Parameter(in = ParameterIn.QUERY, name = "feature_type", schema = @Schema(type = "string"),
            description = "places: village, town, city, populated_place, height, ridge, pass, road, corridor, lake, river, direction, district, region")
    @Parameter(in = ParameterIn.QUERY, name = "kind", schema = @Schema(type = "string"),
            description = "borders: international or custom")
    @Parameter(in = ParameterIn.QUERY, name = "f", schema = @Schema(type = "string"),
            description = "Output format: json (GeoJSON), html, csv (WKT geometry), fgb (FlatGeobuf) or gpkg (GeoPackage); "
                    + "else the Accept header decides")
    ResponseEntity<?> items(HttpServletRequest request, @PathVariable String collectionId)
            throws HttpMediaTypeNotAcceptableException, IOException {
        FeatureSource source = sources.get(collectionId);
        ItemsQuery query = ItemsRequest.parse(request.getParameterMap(), source, this.crs, filterLimits);
        OutputFormat format = RequestFormat.choose(request, OgcMediaTypes.GEOJSON, OutputFormat.ITEMS);
        MediaType type = format.mediaType(OgcMediaTypes.GEOJSON);
        source.checkCursor(query);
        // the version before the count (an unchanged page costs one indexed row), both in one transaction: one
        // BEGIN and COMMIT fewer per page
        Head head = reads.read(request, () -> {
            String tag = etags.of(request, format.parameter());
            return ReadEtags.notModified(request, tag) ? new Head(tag, null) : new Head(tag, source.count(query));
        });
        String etag = head.etag();
        if (head.matched() == null) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        OptionalLong matched = head.matched();
        if (format != OutputFormat.JSON) {
            return StreamedBody.inThisThread(representations.items(format, source, query, matched, etag));
        }
        String self = ServiceLinks.current();
        String collection = ServiceLinks.url("/collections/" + collectionId);
        PageLinks pageLinks = new PageLinks();
        // written by this thread: a page is bounded (at most 10,000 features), unlike the exports of other formats
        StreamedBody body = out -> writeCollection(out, source, query, matched, self, collection, pageLinks);
        return ResponseEntity.ok().contentType(type).eTag(etag).header(CONTENT_CRS, "<" + query.crs().uri() + ">").body(body);
    }

    /** A page's ETag and, unless the client has that page already (null then), its numberMatched. */
    private record Head(String etag, OptionalLong matched) {
    }

    /** The Part 2 header naming the CRS of the geometries in the response. */
    static final String CONTENT_CRS = "Content-Crs";

    /** next/prev URLs are derived while the request is still bound to this thread. */
    private static final class PageLinks {
        final String nextTemplate = ServiceLinks.currentWith("cursor", "CURSOR");
        final List<Link> alternates = ItemsRepresentations.alternates(OutputFormat.JSON);
    }

    private void writeCollection(OutputStream out, FeatureSource source, ItemsQuery query, OptionalLong matched, String self,
                                 String collection, PageLinks pageLinks) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            if (matched.isPresent()) {
                g.writeNumberProperty("numberMatched", matched.getAsLong());
            }
            g.writeArrayPropertyStart("features");
            PageSlice slice = source.writePage(query, PropertySelection.filter(g, query.select()));
            g.writeEndArray();
            g.writeNumberProperty("numberReturned", slice.returned());
            g.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            List<Link> links = new ArrayList<>();
            links.add(new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This page"));
            links.add(new Link(collection, "collection", "application/json", "The collection"));
            links.addAll(pageLinks.alternates);
            if (slice.next() != null) {
                links.add(new Link(pageLinks.nextTemplate.replace("CURSOR", slice.next().token()), "next",
                        OgcMediaTypes.GEOJSON_VALUE, "Next page"));
            }
            if (slice.previous() != null) {
                links.add(new Link(pageLinks.nextTemplate.replace("CURSOR", slice.previous().token()), "prev",
                        OgcMediaTypes.GEOJSON_VALUE, "Previous page"));
            }
            g.writeName("links");
            g.writePOJO(links);
            g.writeEndObject();
        }
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    @Operation(summary = "One feature", description = "For incidents the ETag is the version; send it back in If-Match when replacing or deleting.")
    ResponseEntity<?> item(HttpServletRequest request, @PathVariable String collectionId,
            @PathVariable String featureId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @Parameter(description = "CRS of the returned geometry (Part 2), default CRS84")
            @RequestParam(required = false) String crs,
            @Parameter(description = "Comma-separated property names to return, e.g. event_date,fatalities")
            @RequestParam(required = false) String properties,
            @Parameter(description = "Output format: json (GeoJSON) or html") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        FeatureSource source = sources.get(collectionId);
        List<String> unknown = request.getParameterMap().keySet().stream()
                .filter(p -> !p.equals("f") && !p.equals("crs") && !p.equals("properties")).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badParameter("unknown query parameters " + unknown + "; this endpoint takes [crs, f, properties]");
        }
        SupportedCrs outputCrs = this.crs.resolve("crs", crs);
        List<String> select = PropertySelection.parse(properties);
        PropertySelection.check(select, source.featureProperties(), source.id());
        OutputFormat format = RequestFormat.choose(request, OgcMediaTypes.GEOJSON, OutputFormat.DOCUMENTS);
        MediaType type = format.mediaType(OgcMediaTypes.GEOJSON);
        FeatureSource.Item item = reads.read(request, () -> source.item(featureId)).orElseThrow(() -> ApiException.notFound(
                "there is no feature '" + featureId + "' in '" + collectionId + "'"));
        if (format == OutputFormat.HTML) {
            return StreamedBody.inThisThread(representations.htmlItem(source, featureId, item, this.crs.storage()));
        }
        String etag = item.etag();
        if (etag != null && ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        List<Link> links = List.of(new Link(ServiceLinks.current(), "self", OgcMediaTypes.GEOJSON_VALUE, "This feature"),
                new Link(ServiceLinks.currentWith("f", "html"), "alternate", "text/html", "This feature as HTML"),
                new Link(ServiceLinks.url("/collections/" + collectionId), "collection", "application/json", "The collection"));
        StreamedBody body = out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                item.writer().write(PropertySelection.filter(g, select), links, outputCrs);
            }
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).header(CONTENT_CRS, "<" + outputCrs.uri() + ">");
        return (etag == null ? response : response.eTag(etag)).body(body);
    }
}
