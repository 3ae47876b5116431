package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML pages escape what was stored: an incident written with markup in its text shows that markup as text
 * on its own page and on the items page, and a script URL is never made a link. On each backend (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + HtmlEscapingContract.TOKEN, "atlas.demo-data=false"})
abstract class HtmlEscapingContract {

    static final String TOKEN = "test-write-token";
    static final String HOSTILE = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String INCIDENT = """
            {"type": "Feature",
             "geometry": {"type": "Point", "coordinates": [45.9512, 40.2317]},
             "properties": {"event_date": "2023-05-20", "date_precision": "day",
               "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
               "actor1": "Military Forces of Azerbaijan (2003-)", "location_name": "<script>alert(1)</script>",
               "country": "ARM", "admin1": "Gegharkunik", "geo_precision": 1,
               "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0, "injured": 2, "injured_low": 1, "injured_high": 2,
               "claims": [{"claimant": "Ministry of Defence of Armenia", "side": "ARM", "injured": 2,
                           "summary": "<img src=x onerror=alert(3)>", "source": "t1"}],
               "sources": [{"id": "t1", "outlet": "Test Wire", "published": "2023-05-21", "url": "javascript:alert(4)"}],
               "notes": "</table><script>alert(5)</script>"}}
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private String id;

    @Value("${local.server.port}")
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    @BeforeEach
    void writeTheHostileIncident() throws Exception {
        HttpResponse<String> created = api.send("POST", "/collections/incidents/items", INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        id = location.substring(location.lastIndexOf('/') + 1);
        String stored = api.get("/collections/incidents/items/" + id).body();
        assertThat(json.readTree(stored).path("properties").path("location_name").asString()).isEqualTo(HOSTILE);
    }

    private String html(String pathAndQuery) throws Exception {
        HttpResponse<String> r = api.get(pathAndQuery, "Accept", "text/html");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        return r.body();
    }

    @Test
    void theItemPageShowsMarkupAsText() throws Exception {
        String page = html("/collections/incidents/items/" + id + "?f=html");
        assertThat(page).contains("<th>location_name</th><td>" + ESCAPED + "</td>", "&lt;img src=x onerror=alert(3)&gt;",
                "&lt;/table&gt;&lt;script&gt;alert(5)&lt;/script&gt;", "javascript:alert(4)");
        assertThat(page).doesNotContain(HOSTILE, "<img", "</table><script>", "href=\"javascript:");
        // the inline GeoJSON of the page's map cannot end its script element
        String inline = page.replaceAll("(?s).*<script type=\"application/json\" id=\"map-data\">(.*?)</script>.*", "$1");
        assertThat(inline).doesNotContain("<").contains("\\u003cscript>alert(1)\\u003c/script>");
    }

    @Test
    void theItemsPageShowsMarkupAsText() throws Exception {
        String page = html("/collections/incidents/items?f=html&limit=100");
        assertThat(page).contains("<td>" + ESCAPED + "</td>");
        assertThat(page).doesNotContain(HOSTILE, "<img", "</table><script>");
    }
}
