package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.OnH2gis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.0 document the running service serves at service-desc: it validates (swagger-parser,
 * the OpenAPI project's own parser and validator) and documents every endpoint of the README with
 * its parameters and representations. The document does not depend on the database, so the
 * embedded default is enough.
 */
@OnH2gis("openapi")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return accept == null ? api.get(url) : api.get(url, "Accept", accept);
    }

    /** service-desc from the landing page, fetched as the media type the link announces. */
    String serviceDescription() throws IOException, InterruptedException {
        JsonNode landing = json.readTree(get("/", "application/json").body());
        JsonNode desc = link(landing, "service-desc");
        assertThat(desc).as("landing page link rel=service-desc").isNotNull();
        assertThat(desc.path("href").asString()).isEqualTo("http://localhost:" + port + "/api");
        assertThat(desc.path("type").asString()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        HttpResponse<String> r = get(desc.path("href").asString(), desc.path("type").asString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(desc.path("type").asString());
        return r.body();
    }

    static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (rel.equals(l.path("rel").asString())) {
                return l;
            }
        }
        return null;
    }

    OpenAPI parsed() throws IOException, InterruptedException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(serviceDescription(), null, options);
        assertThat(result.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    @Test
    void theServiceDescriptionIsAValidOpenApi30Document() throws Exception {
        OpenAPI api = parsed();
        assertThat(api.getOpenapi()).startsWith("3.0.");
        assertThat(api.getInfo().getTitle()).isEqualTo("incident-atlas");
        // every {parameter} of every path is declared as a path parameter of each of its operations
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            List<String> templated = new ArrayList<>();
            while (m.find()) {
                templated.add(m.group(1));
            }
            for (Operation op : path.getValue().readOperations()) {
                List<String> declared = parameters(api, op).stream().filter(p -> "path".equals(p.getIn()))
                        .map(Parameter::getName).toList();
                assertThat(declared).as(path.getKey()).containsExactlyInAnyOrderElementsOf(templated);
                assertThat(op.getResponses()).as(path.getKey() + " responses").isNotEmpty();
            }
        }
        assertThat(api.getPaths()).as("the container's error page is not an endpoint").doesNotContainKey("/error");
    }

    /** The validator is not lenient: the served document with a few faults is refused, fault by fault. */
    @Test
    void theValidatorFindsFaultsInABrokenCopyOfTheDocument() throws Exception {
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) json.readTree(serviceDescription());
        ((tools.jackson.databind.node.ObjectNode) broken.path("info")).remove("title");
        ((tools.jackson.databind.node.ObjectNode) broken.path("paths").path("/conformance").path("get")).remove("responses");
        ((tools.jackson.databind.node.ObjectNode) broken.path("paths").path("/collections").path("get"))
                .put("responses", "not an object");
        ((tools.jackson.databind.node.ObjectNode) broken.path("paths").path("/map").path("get")).putArray("parameters")
                .addObject().put("$ref", "#/components/parameters/missing");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json.writeValueAsString(broken), null, options);
        assertThat(result.getMessages()).as("validation messages").hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(m -> m.contains("info.title"))
                .anyMatch(m -> m.contains("responses"));
    }

    /** A plain JSON client still gets the document, as application/json. */
    @Test
    void aPlainJsonClientGetsTheDocumentToo() throws Exception {
        HttpResponse<String> r = get("/api", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.readTree(r.body()).path("openapi").asString()).startsWith("3.0.");
        // QGIS 3.22 asks for the OpenAPI types first, then JSON
        HttpResponse<String> q = get("/api", "application/vnd.oai.openapi+json;version=3.0, "
                + "application/openapi+json;version=3.0, application/json");
        assertThat(q.statusCode()).isEqualTo(200);
        assertThat(q.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    }

    @Test
    void serviceDocIsTheSwaggerUi() throws Exception {
        JsonNode landing = json.readTree(get("/", "application/json").body());
        JsonNode doc = link(landing, "service-doc");
        assertThat(doc).as("landing page link rel=service-doc").isNotNull();
        assertThat(doc.path("type").asString()).isEqualTo("text/html");
        HttpResponse<String> r = get(doc.path("href").asString(), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("swagger-ui");
        // and the UI is configured to load the service's own definition
        HttpResponse<String> config = get("/api/swagger-config", "application/json");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json.readTree(config.body()).path("url").asString()).isEqualTo("/api");
    }

    @Test
    void everyEndpointOfTheReadmeIsDocumented() throws Exception {
        OpenAPI api = parsed();
        Map<String, List<PathItem.HttpMethod>> endpoints = Map.ofEntries(
                Map.entry("/", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/conformance", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/collections", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/collections/{collectionId}", List.of(PathItem.HttpMethod.GET)),
                Map.entry(OpenApiDocumentation.ITEMS, List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST)),
                Map.entry(OpenApiDocumentation.ITEM, List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.PUT,
                        PathItem.HttpMethod.DELETE)),
                Map.entry("/map", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/gazetteer/search", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/gazetteer/geocode", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/borders/{borderId}/distance", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/borders", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/borders/{borderId}", List.of(PathItem.HttpMethod.DELETE)),
                Map.entry("/borders/recompute", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/collections/{collectionId}/queryables", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/reports", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/reports/batch", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/reports/{reportId}", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/reports/{reportId}/incidents", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/reports/{reportId}/regeocode", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/reports/regeocode", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/collections/incidents/changes", List.of(PathItem.HttpMethod.GET)),
                Map.entry("/collections/places/items", List.of(PathItem.HttpMethod.POST)),
                Map.entry("/collections/places/items/{featureId}", List.of(PathItem.HttpMethod.PUT, PathItem.HttpMethod.DELETE)));
        for (Map.Entry<String, List<PathItem.HttpMethod>> e : endpoints.entrySet()) {
            PathItem item = api.getPaths().get(e.getKey());
            assertThat(item).as(e.getKey()).isNotNull();
            assertThat(item.readOperationsMap()).as(e.getKey()).containsKeys(e.getValue().toArray(PathItem.HttpMethod[]::new));
        }
    }

    @Test
    void parametersAreDocumentedWithTheirTypes() throws Exception {
        OpenAPI api = parsed();
        Operation items = api.getPaths().get(OpenApiDocumentation.ITEMS).getGet();
        assertThat(names(api, items)).contains("collectionId", "bbox", "bbox-crs", "datetime", "limit", "cursor", "f",
                "event_type", "sub_event_type", "country", "admin1", "actor", "place_id", "geo_precision",
                "border", "max-border-distance", "near", "radius", "crs", "filter", "filter-lang", "filter-crs",
                "sortby", "properties");
        // where OGC clients (QGIS) look for the page size bounds
        Parameter limit = api.getComponents().getParameters().get("limit");
        assertThat(limit).isNotNull();
        assertThat(limit.getSchema().getType()).isEqualTo("integer");
        assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo("1");
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo(String.valueOf(ItemsRequest.MAX_LIMIT));
        assertThat(limit.getSchema().getDefault()).isEqualTo(ItemsRequest.DEFAULT_LIMIT);
        assertThat(parameter(api, items, "limit").getSchema().getMaximum())
                .isEqualByComparingTo(String.valueOf(ItemsRequest.MAX_LIMIT));
        Parameter bbox = parameter(api, items, "bbox");
        assertThat(bbox.getSchema().getType()).isEqualTo("array");
        assertThat(bbox.getExplode()).isFalse();
        assertThat(parameter(api, items, "f").getSchema().getEnum())
                .isEqualTo(List.of("json", "html", "csv", "fgb", "gpkg"));

        assertThat(names(api, api.getPaths().get(OpenApiDocumentation.ITEM).getGet())).contains("collectionId", "featureId", "f");
        assertThat(names(api, api.getPaths().get("/gazetteer/search").getGet()))
                .contains("q", "limit", "country", "context", "near");
        assertThat(names(api, api.getPaths().get("/borders/{borderId}/distance").getGet())).contains("borderId", "point");
        assertThat(names(api, api.getPaths().get(OpenApiDocumentation.ITEM).getPut())).contains("If-Match");
        assertThat(names(api, api.getPaths().get(OpenApiDocumentation.ITEM).getDelete())).contains("If-Match");
    }

    @Test
    void everyRepresentationOfTheReadsIsDocumented() throws Exception {
        OpenAPI api = parsed();
        assertThat(ok(api.getPaths().get(OpenApiDocumentation.ITEMS).getGet()).keySet()).containsExactlyInAnyOrder(
                "application/geo+json", "text/html", "text/csv", "application/flatgeobuf", "application/geopackage+sqlite3");
        assertThat(ok(api.getPaths().get(OpenApiDocumentation.ITEMS).getGet()).get("application/geopackage+sqlite3")
                .getSchema().getFormat()).isEqualTo("binary");
        assertThat(ok(api.getPaths().get(OpenApiDocumentation.ITEM).getGet()).keySet())
                .containsExactlyInAnyOrder("application/geo+json", "text/html");
        for (String path : List.of("/", "/conformance", "/collections", "/collections/{collectionId}")) {
            assertThat(ok(api.getPaths().get(path).getGet()).keySet()).as(path)
                    .containsExactlyInAnyOrder("application/json", "text/html");
        }
        assertThat(ok(api.getPaths().get("/map").getGet()).keySet()).containsExactly("text/html");
        Schema<?> error = api.getPaths().get(OpenApiDocumentation.ITEMS).getGet().getResponses().get("400")
                .getContent().get("application/json").getSchema();
        assertThat(error.get$ref()).endsWith("/ApiError");
        // writes: GeoJSON Feature bodies, Part 4 answers
        Operation create = api.getPaths().get(OpenApiDocumentation.ITEMS).getPost();
        assertThat(create.getRequestBody().getContent()).containsKey("application/geo+json");
        assertThat(create.getRequestBody().getContent().get("application/geo+json").getSchema().getType()).isEqualTo("object");
        assertThat(create.getResponses()).containsKeys("201", "401", "422");
        assertThat(api.getPaths().get(OpenApiDocumentation.ITEM).getPut().getResponses()).containsKeys("200", "412", "422");
        assertThat(api.getPaths().get(OpenApiDocumentation.ITEM).getDelete().getResponses()).containsKeys("204", "412");
        assertThat(create.getSecurity()).isNotEmpty();
    }

    static Content ok(Operation op) {
        assertThat(op.getResponses().get("200")).isNotNull();
        return op.getResponses().get("200").getContent();
    }

    /** Parameters with $refs resolved against components. */
    static List<Parameter> parameters(OpenAPI api, Operation op) {
        List<Parameter> out = new ArrayList<>();
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.get$ref() != null) {
                    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
                    p = api.getComponents().getParameters().get(name);
                }
                out.add(p);
            }
        }
        return out;
    }

    static List<String> names(OpenAPI api, Operation op) {
        return parameters(api, op).stream().map(Parameter::getName).toList();
    }

    static Parameter parameter(OpenAPI api, Operation op, String name) {
        return parameters(api, op).stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow();
    }
}
