package org.incidentatlas.ingest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.web.WriteAccess;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.FeatureWriter;
import org.incidentatlas.web.JsonBodies;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * News reports in, incidents out: {@code POST /reports} (JSON or plain text), {@code POST
 * /reports/batch} (JSON array or NDJSON), and reading a report back with its mentions and
 * incidents. Posting needs the bearer token (see {@link WriteAccess}); reading does not.
 */
@RestController
@Tag(name = "Reports", description = "Report ingestion: extraction, geocoding, fusion into incidents, provenance")
public class ReportController {

    static final String NDJSON = "application/x-ndjson";
    /** A batch of 1,000 reports of 1 MiB each, JSON-escaped, is far below this. */
    private static final long MAX_BODY_BYTES = 64L << 20;

    private final IngestService ingest;
    private final ReportStore reports;
    private final IncidentStore incidents;
    private final FeatureWriter<Incident> features;
    private final JsonMapper json;
    private final JsonBodies bodies;

    public ReportController(IngestService ingest, ReportStore reports, IncidentStore incidents, FeatureWriter<Incident> features,
                            JsonMapper json, JsonBodies bodies) {
        this.bodies = bodies;
        this.ingest = ingest;
        this.reports = reports;
        this.incidents = incidents;
        this.features = features;
        this.json = json;
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ingest a report (JSON {text, title?, url?, outlet?, published_at?, language?})",
            description = "201 with the report id and the incidents created or updated; 200 with the same report when this text "
                    + "was ingested before (nothing new). 400 for empty text, bad dates or non-UTF-8; 413 over 1 MiB.")
    ResponseEntity<StreamingResponseBody> postJson(@RequestBody byte[] body) {
        ReportInput input = ReportBody.read(bodies, parse(Utf8.decode(limited(body), "body")), "");
        return answer(ingest.ingest(input));
    }

    @PostMapping(path = "/reports", consumes = MediaType.TEXT_PLAIN_VALUE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ingest a report sent as plain UTF-8 text, metadata in the query",
            description = "As the JSON form; title, url, outlet, published_at (ISO date or date-time) and language are query parameters.")
    ResponseEntity<StreamingResponseBody> postText(@RequestBody byte[] body,
            @RequestParam(required = false) String title, @RequestParam(required = false) String url,
            @RequestParam(required = false) String outlet,
            @Parameter(description = "ISO date or date-time, e.g. 2024-02-13") @RequestParam(name = "published_at", required = false) String publishedAt,
            @RequestParam(required = false) String language) {
        String text = Utf8.decode(limited(body), "text");
        OffsetDateTime published = null;
        if (publishedAt != null && !publishedAt.isBlank()) {
            try {
                published = ReportBody.publishedAt(publishedAt);
            } catch (DateTimeParseException e) {
                throw InvalidReportException.of("published_at", "'" + publishedAt + "' is not an ISO date or date-time");
            }
        }
        ReportInput input = new ReportInput(text, blank(title), blank(url), blank(outlet), published, blank(language));
        return answer(ingest.ingest(input));
    }

    @PostMapping(path = "/reports/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ingest up to 1,000 reports: a JSON array or NDJSON (one report object per line)",
            description = "Every report is checked first; if any is invalid nothing is stored (400/413 naming each). Then each report is "
                    + "ingested in its own transaction. 200 with one result per report, in order, and totals.")
    ResponseEntity<StreamingResponseBody> postBatch(@RequestBody byte[] body,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type") String contentType) {
        String text = Utf8.decode(limited(body), "body");
        List<JsonNode> items = contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON) ? lines(text) : array(text);
        if (items.size() > ReportLimits.MAX_BATCH) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PayloadTooLarge",
                    "a batch holds at most " + ReportLimits.MAX_BATCH + " reports, not " + items.size());
        }
        List<IngestResult> results = ReportBody.readAll(bodies, items).stream().map(ingest::ingest).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberProperty("reports", results.size());
                g.writeNumberProperty("created", results.stream().filter(IngestResult::created).count());
                g.writeNumberProperty("duplicates", results.stream().filter(r -> !r.created()).count());
                ids(g, "incidents_created", results.stream().flatMap(r -> r.incidentsCreated().stream()).distinct().sorted().toList());
                ids(g, "incidents_updated", results.stream().flatMap(r -> r.incidentsUpdated().stream()).distinct().sorted().toList());
                g.writeArrayPropertyStart("results");
                for (IngestResult r : results) {
                    result(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    @GetMapping(path = "/reports/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A report: metadata, text, the mentions extraction found (with character offsets) and its incidents")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String reportId) {
        StoredReport r = find(reportId);
        List<Mention> mentions = reports.mentions(r.id());
        List<Long> incidentIds = reports.incidentIds(r.id());
        String self = ServiceLinks.url("/reports/" + r.id());
        String items = ServiceLinks.url("/reports/" + r.id() + "/incidents");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberProperty("id", r.id());
                g.writeStringProperty("content_sha256", r.contentSha256());
                g.writeStringProperty("title", r.title());
                g.writeStringProperty("url", r.url());
                g.writeStringProperty("outlet", r.outlet());
                g.writeStringProperty("published_at", r.publishedAt() == null ? null : r.publishedAt().toString());
                g.writeStringProperty("language", r.language());
                g.writeStringProperty("received_at", r.receivedAt().toString());
                g.writeStringProperty("text", r.text());
                g.writeArrayPropertyStart("mentions");
                for (Mention m : mentions) {
                    g.writeStartObject();
                    g.writeStringProperty("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
                    g.writeNumberProperty("start", m.span().start());
                    g.writeNumberProperty("end", m.span().end());
                    g.writeStringProperty("text", m.text());
                    g.writeStringProperty("resolved", m.resolved());
                    g.writeEndObject();
                }
                g.writeEndArray();
                ids(g, "incidents", incidentIds);
                g.writeName("links");
                g.writePOJO(List.of(new Link(self, "self", "application/json", "This report"),
                        new Link(items, "items", OgcMediaTypes.GEOJSON_VALUE, "The incidents read from this report")));
                g.writeEndObject();
            }
        });
    }

    @GetMapping(path = "/reports/{reportId}/incidents", produces = {OgcMediaTypes.GEOJSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The incidents read from a report, as a GeoJSON FeatureCollection")
    ResponseEntity<StreamingResponseBody> reportIncidents(@PathVariable String reportId) {
        StoredReport r = find(reportId);
        List<Incident> found = reports.incidentIds(r.id()).stream().map(incidents::find).flatMap(Optional::stream).toList();
        String self = ServiceLinks.url("/reports/" + r.id() + "/incidents");
        String report = ServiceLinks.url("/reports/" + r.id());
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON).body(out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeNumberProperty("numberReturned", found.size());
                g.writeArrayPropertyStart("features");
                for (Incident i : found) {
                    features.write(g, i);
                }
                g.writeEndArray();
                g.writeName("links");
                g.writePOJO(List.of(new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This document"),
                        new Link(report, "related", "application/json", "The report")));
                g.writeEndObject();
            }
        });
    }

    private StoredReport find(String reportId) {
        long id;
        try {
            id = Long.parseLong(reportId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no report '" + reportId + "'");
        }
        return reports.find(id).orElseThrow(() -> ApiException.notFound("no report " + reportId));
    }

    private ResponseEntity<StreamingResponseBody> answer(IngestResult result) {
        String self = ServiceLinks.url("/reports/" + result.report().id());
        ResponseEntity.BodyBuilder b = result.created() ? ResponseEntity.created(URI.create(self)) : ResponseEntity.ok();
        return b.contentType(MediaType.APPLICATION_JSON).body(out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                result(g, result);
            }
        });
    }

    private static void result(JsonGenerator g, IngestResult r) {
        g.writeStartObject();
        g.writeNumberProperty("id", r.report().id());
        g.writeStringProperty("content_sha256", r.report().contentSha256());
        g.writeBooleanProperty("created", r.created());
        g.writeNumberProperty("events", r.events());
        ids(g, "incidents_created", r.incidentsCreated());
        ids(g, "incidents_updated", r.incidentsUpdated());
        ids(g, "incidents_merged", r.incidentsMerged());
        ids(g, "incidents_linked", r.incidentsLinked());
        g.writeEndObject();
    }

    private static void ids(JsonGenerator g, String name, List<Long> ids) {
        g.writeArrayPropertyStart(name);
        for (long id : ids) {
            g.writeNumber(id);
        }
        g.writeEndArray();
    }

    private static byte[] limited(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PayloadTooLarge", "the request body is over " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private List<JsonNode> array(String body) {
        JsonNode node = parse(body);
        if (!node.isArray()) {
            throw InvalidReportException.of("body", "must be a JSON array of reports (or send application/x-ndjson)");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private List<JsonNode> lines(String body) {
        List<JsonNode> out = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(json.readTree(lines[i]));
            } catch (JacksonException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "line " + (i + 1) + " is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
