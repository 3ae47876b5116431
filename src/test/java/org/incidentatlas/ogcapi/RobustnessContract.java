package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No 5xx for any client input, and the limits of OWASP API4, against the running service: CQL2
 * arithmetic by zero, filters nested, long or with geometries over the limits (in both
 * encodings), values the database cannot compute with, requests over the container's limits
 * (answered by Tomcat itself, in JSON), write bodies over the limit, and a client that hangs up
 * in the middle of a response. The filter limits are set low here so they can be reached within
 * a URL; the defaults are in {@link org.incidentatlas.cql.FilterLimits}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + RobustnessContract.TOKEN, "atlas.demo-data=true",
                "atlas.filter.max-length=1100", "atlas.filter.max-vertices=50", "atlas.filter.max-depth=32",
                "atlas.write.max-body=64KB"})
@ExtendWith(OutputCaptureExtension.class)
@Import(RobustnessContract.SmallSendBuffer.class)
abstract class RobustnessContract {

    /** A small socket send buffer, so a large response fills it and the server is still writing when the client hangs up. */
    @TestConfiguration
    static class SmallSendBuffer {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffer() {
            return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    static final String TOKEN = "robustness-write-token";

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    final ApiClient api = new ApiClient(() -> this.port);

    HttpResponse<String> filter(String filter, String lang) throws Exception {
        return api.get("/collections/incidents/items?filter-lang=" + lang + "&filter=" + ApiClient.enc(filter));
    }

    /** A 4xx with the API's JSON error body whose description contains each of {@code words}. */
    void refused(HttpResponse<String> r, int status, String... words) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("code").asString()).isNotEmpty();
        for (String w : words) {
            assertThat(body.path("description").asString()).contains(w);
        }
    }

    long matched(String filter) throws Exception {
        HttpResponse<String> r = filter(filter, "cql2-text");
        assertThat(r.statusCode()).as(filter + ": " + r.body()).isEqualTo(200);
        return api.body(r).path("numberMatched").asLong();
    }

    // --- arithmetic ---

    @ParameterizedTest
    @ValueSource(strings = {"/", "%", "div"})
    void arithmeticByALiteralZeroIsA400InBothEncodings(String op) throws Exception {
        refused(filter("fatalities " + op + " 0 > 1", "cql2-text"), 400, "division by zero");
        refused(filter("fatalities " + op + " 0.0 > 1", "cql2-text"), 400, "division by zero");
        refused(filter("{\"op\": \">\", \"args\": [{\"op\": \"" + op + "\", \"args\": [{\"property\": \"fatalities\"}, 0]}, 1]}",
                "cql2-json"), 400, "division by zero");
    }

    @Test
    void aDivisorThatIsZeroInSomeRowsLeavesThoseRowsOut() throws Exception {
        for (int fatalities : new int[] {0, 3}) {
            String incident = """
                    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [45.5, 40.1]},
                     "properties": {"event_date": "2024-04-04", "date_precision": "day", "event_type": "Battles",
                       "sub_event_type": "Armed clash", "actor1": "Unidentified Armed Group", "location_name": "Divisor test",
                       "geo_precision": 1, "fatalities": %d}}
                    """.formatted(fatalities);
            assertThat(postIncident(HttpRequest.BodyPublishers.ofString(incident)).statusCode()).isEqualTo(201);
        }
        String mine = "location_name = 'Divisor test' AND ";
        assertThat(matched(mine + "fatalities >= 0")).isEqualTo(2);
        // x / x is 1 where x is not 0, and unknown (so not matched) where it is
        assertThat(matched(mine + "fatalities / fatalities = 1")).isEqualTo(1);
        assertThat(matched(mine + "fatalities % fatalities = 0")).isEqualTo(1);
        assertThat(matched(mine + "fatalities div fatalities = 1")).isEqualTo(1);
        assertThat(matched(mine + "NOT (fatalities / fatalities = 1)")).isZero();
        assertThat(matched("fatalities / (fatalities - fatalities) > 0")).isZero();
    }

    @Test
    void valuesTheDatabaseCannotComputeWithAreNotServerErrors() throws Exception {
        for (String f : List.of("fatalities ^ 100000 > 1", "fatalities + 9223372036854775807 > 0",
                "fatalities * 9223372036854775807 * 9223372036854775807 > 0", "fatalities > 1e400",
                "fatalities > -" + "- ".repeat(250) + "1")) {
            HttpResponse<String> r = filter(f, "cql2-text");
            assertThat(r.statusCode()).as(f + ": " + r.body()).isIn(200, 400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        }
    }

    // --- filter limits ---

    @Test
    void filtersNestedDeeperThanTheLimitAreRefusedNamingIt() throws Exception {
        String deepText = "(".repeat(500) + "fatalities > 0" + ")".repeat(500);
        refused(filter(deepText, "cql2-text"), 400, "32", "atlas.filter.max-depth");
        String deepJson = "{\"op\": \"not\", \"args\": [".repeat(35) + "{\"op\": \">\", \"args\": [{\"property\": \"fatalities\"}, 0]}"
                + "]}".repeat(35);
        refused(filter(deepJson, "cql2-json"), 400, "atlas.filter.max-depth");
        // within the limit: answered
        assertThat(filter("(".repeat(20) + "fatalities > 0" + ")".repeat(20), "cql2-text").statusCode()).isEqualTo(200);
        String fine = "{\"op\": \"not\", \"args\": [".repeat(10) + "{\"op\": \">\", \"args\": [{\"property\": \"fatalities\"}, 0]}"
                + "]}".repeat(10);
        assertThat(filter(fine, "cql2-json").statusCode()).isEqualTo(200);
    }

    @Test
    void filtersOverTheLengthOrVertexLimitAreRefusedNamingIt() throws Exception {
        String longText = "location_name = '" + "x".repeat(1100) + "'";
        refused(filter(longText, "cql2-text"), 400, "1100", "atlas.filter.max-length");
        refused(filter("{\"op\": \"=\", \"args\": [{\"property\": \"location_name\"}, \"" + "x".repeat(1100) + "\"]}", "cql2-json"),
                400, "atlas.filter.max-length");
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            double a = 2 * Math.PI * i / 60;
            ring.append(String.format(Locale.ROOT, "%.2f %.2f,", 46 + Math.cos(a), 39.5 + Math.sin(a)));
        }
        String polygon = "POLYGON((" + ring + String.format(Locale.ROOT, "%.2f %.2f", 47.0, 39.5) + "))";
        refused(filter("S_INTERSECTS(geometry, " + polygon + ")", "cql2-text"), 400, "50", "atlas.filter.max-vertices");
        assertThat(filter("S_INTERSECTS(geometry, POLYGON((45 39, 47 39, 47 40, 45 40, 45 39)))", "cql2-text").statusCode())
                .isEqualTo(200);
    }

    // --- the container's own rejections ---

    /** A raw HTTP/1.1 exchange, as the container sees it before any servlet: status line, headers and body. */
    String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    void jsonError(String response, String status) {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(headers).contains("content-type: application/json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        JsonNode error = json.readTree(body);
        assertThat(error.path("code").asString()).isNotEmpty();
        assertThat(error.path("description").asString()).isNotEmpty();
        assertThat(body).doesNotContain("<html", "<!doctype");
    }

    @Test
    void requestsOverTheContainersLimitsGetAJsonError() throws Exception {
        jsonError(raw("GET /collections HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), "400");
        jsonError(raw("GET /collections/incidents/items?bbox=" + "1".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), "400");
        jsonError(raw("GET /collections/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), "400");
        // what the servlet layer answers stays JSON too
        jsonError(raw("GET /no/such/path HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), "404");
    }

    @Test
    void oddHeadersAreAnsweredWithoutAServerError() throws Exception {
        String[][] cases = {
            {"GET", "/collections/incidents/items", "Accept", "***"},
            {"GET", "/collections/incidents/items", "Accept", "text/html;q=abc"},
            {"GET", "/collections/incidents/items/1", "If-None-Match", "\"\u00e9\""},
            {"GET", "/", "Accept", "application/json;;;"},
            {"POST", "/collections/incidents/items", "Content-Type", "application/geo+json; charset=no-such-charset"},
            {"POST", "/collections/incidents/items", "Content-Type", "\u00e9/\u00e9"},
            {"PUT", "/collections/incidents/items/1", "If-Match", "W/\"x"},
        };
        for (String[] c : cases) {
            String request = c[0] + " " + c[1] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + c[2] + ": " + c[3] + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            String response = raw(request);
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).as(c[2] + ": " + c[3] + " -> " + response).isLessThan(500);
            if (status >= 400) {
                jsonError(response, String.valueOf(status));
            }
        }
    }

    // --- write bodies ---

    HttpResponse<String> postIncident(HttpRequest.BodyPublisher body) throws Exception {
        return api.send(api.request("/collections/incidents/items", "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN).POST(body));
    }

    @Test
    void aWriteBodyOverTheLimitIsA413NamingIt() throws Exception {
        String big = "{\"type\": \"Feature\", \"properties\": {\"notes\": \"" + "n".repeat(70_000) + "\"}}";
        long before = api.body(api.get("/collections/incidents/items?limit=1")).path("numberMatched").asLong();
        // with Content-Length
        refused(postIncident(HttpRequest.BodyPublishers.ofString(big)), 413, "65536 bytes", "atlas.write.max-body");
        // chunked: the length is only known while reading
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        refused(postIncident(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))), 413,
                "atlas.write.max-body");
        assertThat(api.body(api.get("/collections/incidents/items?limit=1")).path("numberMatched").asLong()).isEqualTo(before);
    }

    // --- a client that hangs up ---

    @Test
    void aClientThatDisconnectsMidResponseIsOneInfoLineNotAnError(CapturedOutput output) throws Exception {
        for (int attempt = 0; attempt < 3 && !output.getOut().contains("client disconnected"); attempt++) {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(1024);
                socket.connect(new InetSocketAddress("localhost", port));
                socket.getOutputStream().write(("GET /collections/places/items?limit=10000 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                byte[] start = new byte[512];
                assertThat(socket.getInputStream().read(start)).isPositive();
                socket.setSoLinger(true, 0); // reset at once, as a browser tab closed mid-download
            }
            Thread.sleep(2000);
        }
        assertThat(output.getOut()).contains("client disconnected before the response was complete");
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("\tat org.apache.catalina");
    }
}
