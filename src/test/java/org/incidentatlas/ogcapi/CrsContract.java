package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 2 (CRS) against the running service: geometries in each supported CRS,
 * checked against coordinates computed independently with PROJ (gdaltransform, GDAL 3.6), the
 * Content-Crs header, bbox-crs and filter-crs, and the CRS lists of the collections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"atlas.demo-data=true"})
abstract class CrsContract {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    /** The Goris demo incident, lon/lat as stored. */
    static final double GORIS_LON = 46.34168;
    static final double GORIS_LAT = 39.51111;

    @Value("${local.server.port}")
    int port;

    final ApiClient api = new ApiClient(() -> this.port);

    private JsonNode goris(String query) throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=1000&" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode f : api.body(r).path("features")) {
            if (ApiClient.shortName(f).equals("Goris")) {
                return f;
            }
        }
        throw new AssertionError("Goris is not in " + query);
    }

    @Test
    void collectionsListTheSupportedCrsAndTheStorageCrs() throws Exception {
        List<String> expected = List.of(CRS84, EPSG + "4326", EPSG + "3857", EPSG + "32638", EPSG + "32639");
        for (JsonNode c : api.body(api.get("/collections")).path("collections")) {
            List<String> crs = new ArrayList<>();
            c.path("crs").forEach(x -> crs.add(x.asString()));
            assertThat(crs).as(c.path("id").asString()).containsAll(expected);
            assertThat(c.path("storageCrs").asString()).isEqualTo(CRS84);
        }
        JsonNode incidents = api.body(api.get("/collections/incidents"));
        assertThat(incidents.path("crs").size()).isEqualTo(expected.size());
        List<String> classes = new ArrayList<>();
        api.body(api.get("/conformance")).path("conformsTo").forEach(x -> classes.add(x.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void theDefaultIsCrs84LongitudeFirst() throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items");
        assertThat(r.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + CRS84 + ">");
        JsonNode c = goris("").path("geometry").path("coordinates");
        assertThat(c.get(0).asDouble()).isCloseTo(GORIS_LON, within(1e-9));
        assertThat(c.get(1).asDouble()).isCloseTo(GORIS_LAT, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        // x, y of Goris (46.34168 E, 39.51111 N) from PROJ: echo "46.34168 39.51111" | gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:n
        "4326,  39.51111,        46.34168",
        "3857,  5158732.22010483, 4795150.38678729",
        "32638, 615339.987328332, 4374356.77992066",
        "32639, 99461.3030142181, 4383869.49717735",
    })
    void itemsAreServedInTheRequestedCrs(String code, double x, double y) throws Exception {
        String uri = EPSG + code;
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=1000&crs=" + ApiClient.enc(uri));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + uri + ">");
        JsonNode c = goris("crs=" + ApiClient.enc(uri)).path("geometry").path("coordinates");
        double tolerance = code.equals("4326") ? 1e-7 : 0.01; // a centimetre either way
        assertThat(c.get(0).asDouble()).as("first axis in EPSG:" + code).isCloseTo(x, within(tolerance));
        assertThat(c.get(1).asDouble()).as("second axis in EPSG:" + code).isCloseTo(y, within(tolerance));
        // the short form names the same CRS, and the single feature answers alike
        String id = goris("").path("id").asString();
        HttpResponse<String> one = api.get("/collections/incidents/items/" + id + "?crs=EPSG:" + code);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + uri + ">");
        JsonNode c1 = api.body(one).path("geometry").path("coordinates");
        assertThat(c1.get(0).asDouble()).isCloseTo(x, within(tolerance));
        assertThat(c1.get(1).asDouble()).isCloseTo(y, within(tolerance));
        HttpResponse<String> urn = api.get("/collections/incidents/items?limit=1&crs=urn:ogc:def:crs:EPSG::" + code);
        assertThat(urn.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + uri + ">");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // boxes of about 1 km around Goris, in each CRS's own axis order
        "http://www.opengis.net/def/crs/EPSG/0/4326 | 39.505,46.335,39.515,46.345",
        "EPSG:3857                                  | 5158232,4794650,5159232,4795650",
        "http://www.opengis.net/def/crs/EPSG/0/32638 | 614840,4373857,615840,4374857",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84 | 46.335,39.505,46.345,39.515",
    })
    void bboxCrsSelectsByABoxInThatCrs(String crs, String bbox) throws Exception {
        assertThat(api.names("/collections/incidents/items?bbox=" + bbox + "&bbox-crs=" + ApiClient.enc(crs.strip())))
                .containsExactly("Goris");
    }

    @Test
    void filterCrsReadsGeometryLiteralsInThatCrs() throws Exception {
        String filter = "S_INTERSECTS(geometry, BBOX(614840, 4373857, 615840, 4374857))";
        assertThat(api.names("/collections/incidents/items?filter-crs=" + ApiClient.enc(EPSG + "32638") + "&filter="
                + ApiClient.enc(filter))).containsExactly("Goris");
        // EPSG:4326 literals are latitude first
        assertThat(api.names("/collections/incidents/items?filter-crs=EPSG:4326&filter="
                + ApiClient.enc("S_INTERSECTS(geometry, POINT(39.51111 46.34168))"))).containsExactly("Goris");
        // a round trip: the UTM position the API serves finds the incident again
        JsonNode utm = goris("crs=EPSG:32638").path("geometry").path("coordinates");
        double e = utm.get(0).asDouble();
        double n = utm.get(1).asDouble();
        String around = "S_WITHIN(geometry, BBOX(" + (e - 0.05) + ", " + (n - 0.05) + ", " + (e + 0.05) + ", " + (n + 0.05) + "))";
        assertThat(api.names("/collections/incidents/items?filter-crs=EPSG:32638&filter=" + ApiClient.enc(around)))
                .containsExactly("Goris");
    }

    @Test
    void placesAndBordersAreServedInTheRequestedCrsToo() throws Exception {
        for (String collection : List.of("places", "borders")) {
            HttpResponse<String> r = api.get("/collections/" + collection + "/items?limit=5&crs=EPSG:3857");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + EPSG + "3857>");
            String text = api.body(r).path("features").get(0).path("geometry").path("coordinates").toString();
            // metres in the millions, not degrees
            assertThat(text).matches(".*\\d{6,}.*");
        }
    }

    @Test
    void unsupportedCrsAreRefusedNamingThem() throws Exception {
        for (String query : List.of("crs=EPSG:9999", "bbox=1,2,3,4&bbox-crs=EPSG:2154", "crs=urn:ogc:def:crs:EPSG::27700")) {
            HttpResponse<String> r = api.get("/collections/incidents/items?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            String named = query.substring(query.lastIndexOf('=') + 1);
            assertThat(api.body(r).path("description").asString()).contains(named).contains(CRS84);
        }
        HttpResponse<String> item = api.get("/collections/incidents/items/1?crs=EPSG:9999");
        assertThat(item.statusCode()).isEqualTo(400);
        assertThat(item.body()).contains("EPSG:9999");
    }
}
