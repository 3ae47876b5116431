package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.FeatureWriter;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.PropertyValues;
import org.incidentatlas.web.RequestFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
 * Geocoding: {@code /gazetteer/search} returns the candidates for a name, best first, as GeoJSON;
 * {@code /gazetteer/geocode} answers a batch with one best place each.
 */
@RestController
@Tag(name = "Gazetteer")
public class GazetteerController {

    static final int MAX_QUERY = 200;
    static final int MAX_CONTEXT = 1000;
    static final int MAX_BATCH = 1000;
    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "limit", "country", "context", "near", "f");

    private final LiveGazetteer gazetteer;
    private final FeatureWriter<Candidate> writer;
    private final JsonMapper json;

    public GazetteerController(LiveGazetteer gazetteer, FeatureWriter<Candidate> writer, JsonMapper json) {
        this.gazetteer = gazetteer;
        this.writer = writer;
        this.json = json;
    }

    @GetMapping("/gazetteer/search")
    @Operation(summary = "Find places by name",
            description = "Any spelling or script (Latin transliterations, Armenian, Azerbaijani, Russian). Candidates come best "
                    + "first with a score from 0 to 1 (1: the name matched exactly; less: the share of a misspelt or partly "
                    + "matched name that agrees), the kind of match (exact, fuzzy, partial), the name that matched and the geo "
                    + "precision (1 exact place, 2 near or part of a region, 3 province or larger). A fuzzy or partial match "
                    + "below the configured threshold (atlas.gazetteer.fuzzy-threshold, default 0.875) is no candidate. "
                    + "Context, country and near confine the answer: no candidate lies outside the country, 50 km around "
                    + "near, or a province, district or country the context names, so an empty list is a valid answer.")
    ResponseEntity<StreamingResponseBody> search(HttpServletRequest request,
            @Parameter(description = "The name, e.g. Nerkin Khanda, Ջերմուկ, Джермук, the village of Sotk, Lachin corridor")
            @RequestParam(required = false) String q,
            @Parameter(description = "How many candidates, 1 to 100 (default 10)") @RequestParam(required = false) String limit,
            @Parameter(description = "ISO 3166-1 alpha-3 code the answers must lie in, e.g. ARM")
            @RequestParam(required = false) String country,
            @Parameter(description = "Text around the name: admin units, places mentioned nearby (e.g. Tovuz region, Lake Sevan)")
            @RequestParam(required = false) String context,
            @Parameter(description = "lon,lat: prefer places near this point; none farther than 50 km") @RequestParam(required = false) String near,
            @Parameter(description = "Output format: json") @RequestParam(required = false) String f) throws Exception {
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(SEARCH_PARAMETERS);
        if (!unknown.isEmpty()) {
            throw ApiException.badParameter("unknown query parameters " + unknown + "; /gazetteer/search takes " + new TreeSet<>(SEARCH_PARAMETERS));
        }
        RequestFormat.negotiate(request, OgcMediaTypes.GEOJSON);
        GeocodeQuery query = new GeocodeQuery(text("q", q, MAX_QUERY), optionalText("context", context, MAX_CONTEXT),
                country(country), point(near), limit(limit));
        List<Candidate> candidates = gazetteer.current().search(query);
        StreamingResponseBody body = out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeName("query");
                g.writePOJO(queryEcho(query));
                g.writeNumberProperty("numberReturned", candidates.size());
                g.writeArrayPropertyStart("features");
                for (Candidate c : candidates) {
                    writer.write(g, c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON).body(body);
    }

    @PostMapping(path = "/gazetteer/geocode", consumes = "application/json")
    @Operation(summary = "Geocode a batch of names",
            description = "Body: a JSON array of {\"text\": …, \"context\": …, \"country\": …} (up to 1000). Answer: one result per "
                    + "item, in order, with the best candidate as a GeoJSON Feature, or null when nothing matched.")
    ResponseEntity<StreamingResponseBody> geocode(@RequestBody String body) {
        JsonNode items;
        try {
            items = json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (items == null || !items.isArray()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "the body must be a JSON array of {\"text\": …, \"context\": …}");
        }
        if (items.size() > MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestBody", "at most " + MAX_BATCH + " items per batch; got " + items.size());
        }
        List<GeocodeQuery> queries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "item " + i + ": ";
            if (!item.isObject()) {
                throw ApiException.badParameter(at + "must be an object with \"text\"");
            }
            queries.add(new GeocodeQuery(
                    text(at + "text", item.path("text").isString() ? item.path("text").asString() : null, MAX_QUERY),
                    optionalText(at + "context", item.path("context").isString() ? item.path("context").asString() : null, MAX_CONTEXT),
                    country(item.path("country").isString() ? item.path("country").asString() : null), null, 1));
        }
        Gazetteer now = gazetteer.current();
        List<Optional<Candidate>> answers = queries.stream().map(now::geocode).toList();
        StreamingResponseBody response = out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeArrayPropertyStart("results");
                for (int i = 0; i < queries.size(); i++) {
                    g.writeStartObject();
                    g.writeStringProperty("text", queries.get(i).text());
                    g.writeStringProperty("context", queries.get(i).context());
                    g.writeName("result");
                    if (answers.get(i).isPresent()) {
                        writer.write(g, answers.get(i).get());
                    } else {
                        g.writeNull();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
    }

    private static Map<String, Object> queryEcho(GeocodeQuery q) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("q", q.text());
        echo.put("context", q.context());
        echo.put("country", q.country());
        echo.put("near", q.near());
        echo.put("limit", q.limit());
        return echo;
    }

    private static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter(name + " is required and must not be empty");
        }
        if (value.length() > max) {
            throw ApiException.badParameter(name + " is " + value.length() + " characters long; at most " + max);
        }
        return value.strip();
    }

    private static String optionalText(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(name, value, max);
    }

    private static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ISO3.contains(value)) {
            throw ApiException.badParameter("country '" + value + "' is not an ISO 3166-1 alpha-3 code such as ARM, AZE or GEO");
        }
        return value;
    }

    private static double[] point(String value) {
        return value == null ? null : PropertyValues.point("near", value);
    }

    private static int limit(String value) {
        if (value == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("limit must be a whole number from 1 to 100; got '" + value + "'");
    }
}
