package org.incidentatlas.ogcapi;

import org.incidentatlas.web.ServiceLinks;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.ApiException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.incidents.IncidentChange;
import org.incidentatlas.incidents.IncidentChanges;
import org.incidentatlas.incidents.IncidentFilter;
import org.incidentatlas.incidents.SyncCursor;
import org.incidentatlas.incidents.TombstoneRetention;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incremental sync of the incidents for mirrors and dashboards: the incidents changed after a cursor, in change
 * order, and the deleted ones as tombstones (a feature with its id, a null geometry and {@code "deleted": true}).
 * Streamed like the items; the cursor is checked before the response starts.
 */
@RestController
@Tag(name = "Data")
public class ChangesController {

    static final String PATH = "/collections/" + IncidentsSource.ID + "/changes";

    /** The items parameters that make no sense in change order. */
    private static final List<String> NOT_HERE = List.of("cursor", "sortby");

    private final IncidentsSource incidents;
    private final IncidentChanges changes;
    private final IncidentFeatureWriter writer;
    private final CrsRegistry crs;
    private final FilterLimits filterLimits;
    private final JsonMapper json;
    private final TombstoneRetention retention;

    public ChangesController(IncidentsSource incidents, IncidentChanges changes, IncidentFeatureWriter writer, CrsRegistry crs,
                             FilterLimits filterLimits, JsonMapper json, TombstoneRetention retention) {
        this.incidents = incidents;
        this.changes = changes;
        this.writer = writer;
        this.crs = crs;
        this.filterLimits = filterLimits;
        this.json = json;
        this.retention = retention;
    }

    @GetMapping(PATH)
    @Operation(summary = "Incidents changed after a cursor, and deletions, for mirrors",
            description = "Without since: everything, from the start. Features come in change order, each incident at most once "
                    + "(as it is now); a deleted incident, or one that no longer matches the filters, comes as a feature with its "
                    + "id, geometry null and properties {\"deleted\": true}. Follow the 'next' link while caught_up is false; "
                    + "then keep 'cursor' and ask again later with since=cursor. A cursor older than the tombstone retention "
                    + "answers 410 Gone: copy everything again without since. Filters as for items.")
    ResponseEntity<StreamingResponseBody> changes(HttpServletRequest request,
            @Parameter(description = "Cursor from an earlier response (its 'cursor' member or 'next' link); absent: from the start")
            @RequestParam(required = false) String since,
            @Parameter(description = "Changes per page, 1 to 10000 (larger values are served as 10000)")
            @RequestParam(required = false) String limit,
            @Parameter(description = "As for items: minLon,minLat,maxLon,maxLat")
            @RequestParam(required = false) String bbox,
            @Parameter(description = "As for items: a date or an interval")
            @RequestParam(required = false) String datetime,
            @Parameter(description = "As for items: a CQL2 filter")
            @RequestParam(required = false) String filter,
            @Parameter(description = "As for items: CRS of the returned geometries")
            @RequestParam(required = false) String crs,
            @Parameter(description = "As for items: the property filters event_type, country, admin1, actor, place_id, "
                    + "geo_precision, border, max-border-distance, near, radius and the properties to return")
            @RequestParam(required = false) String properties) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        for (String name : NOT_HERE) {
            if (parameters.containsKey(name)) {
                throw ApiException.badParameter("'" + name + "' does not apply to changes (GeoJSON in change order; the position is since)");
            }
        }
        String[] format = parameters.remove("f");
        if (format != null && !(format.length == 1 && format[0].equals("json"))) {
            throw ApiException.badParameter("changes come as GeoJSON only: f=json or no f");
        }
        String[] sinceValues = parameters.remove("since");
        if (sinceValues != null && sinceValues.length > 1) {
            throw ApiException.badParameter("parameter 'since' is given " + sinceValues.length + " times");
        }
        ItemsQuery query = ItemsRequest.parse(parameters, incidents, this.crs, filterLimits);
        IncidentFilter incidentFilter = incidents.filter(query);
        SyncCursor cursor = since == null ? null : cursor(since);
        if (cursor != null) {
            try {
                changes.check(cursor);
            } catch (IncidentChanges.CursorExpiredException e) {
                throw new ApiException(HttpStatus.GONE, "CursorExpired", e.getMessage() + " (tombstones are kept "
                        + retention.retention() + ")");
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(e.getMessage());
            }
        }
        String self = ServiceLinks.current();
        String nextTemplate = ServiceLinks.currentWith("since", "CURSOR");
        String collection = ServiceLinks.url("/collections/" + IncidentsSource.ID);
        StreamingResponseBody body = out -> write(out, query, incidentFilter, cursor, self, nextTemplate, collection);
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON)
                .header(ItemsController.CONTENT_CRS, "<" + query.crs().uri() + ">").body(body);
    }

    private static SyncCursor cursor(String since) {
        try {
            return SyncCursor.parse(since);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(e.getMessage());
        }
    }

    private void write(OutputStream out, ItemsQuery query, IncidentFilter filter, SyncCursor cursor, String self,
                       String nextTemplate, String collection) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            JsonGenerator features = PropertySelection.filter(g, query.select());
            IncidentChanges.ChangePage page = changes.page(filter, cursor, query.limit(), change -> {
                if (change.removed()) {
                    tombstone(g, change);
                } else {
                    writer.write(features, change.incident(), List.of(), query.crs());
                }
            });
            g.writeEndArray();
            g.writeNumberProperty("numberReturned", page.returned());
            g.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeStringProperty("cursor", page.next().token());
            g.writeBooleanProperty("caught_up", page.caughtUp());
            List<Link> links = new ArrayList<>();
            links.add(new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This page"));
            links.add(new Link(collection, "collection", "application/json", "The collection"));
            if (!page.caughtUp()) {
                links.add(new Link(nextTemplate.replace("CURSOR", page.next().token()), "next", OgcMediaTypes.GEOJSON_VALUE,
                        "The changes after this page"));
            }
            g.writeName("links");
            g.writePOJO(links);
            g.writeEndObject();
        }
    }

    /** A deleted incident, or one that left the filter: its id, no geometry, and the marker. */
    private static void tombstone(JsonGenerator g, IncidentChange change) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeNumberProperty("id", change.id());
        g.writeNullProperty("geometry");
        g.writeObjectPropertyStart("properties");
        g.writeNumberProperty("id", change.id());
        g.writeBooleanProperty("deleted", true);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The link a collection advertises its changes with. */
    static Link link() {
        return new Link(ServiceLinks.url(PATH), "changes", OgcMediaTypes.GEOJSON_VALUE,
                "Incidents changed since a cursor, with deletions (incremental sync for mirrors)");
    }
}
