package org.incidentatlas.testsupport;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The running service with its demo data, over real HTTP: the base of the API contracts split by
 * feature (items, writes, gazetteer, borders, GDAL). Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + DemoServiceContract.TOKEN, "atlas.demo-data=true"})
public abstract class DemoServiceContract {

    public static final String TOKEN = "test-write-token";

    /** A valid incident to write (the write tests delete what they wrote). */
    public static final String NEW_INCIDENT = """
            {"type": "Feature",
             "geometry": {"type": "Point", "coordinates": [45.9512, 40.2317]},
             "properties": {"event_date": "2023-05-20", "date_precision": "day",
               "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
               "actor1": "Military Forces of Azerbaijan (2003-)", "location_name": "Test village", "country": "ARM",
               "admin1": "Gegharkunik", "geo_precision": 1,
               "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0, "injured": 2, "injured_low": 1, "injured_high": 2,
               "claims": [{"claimant": "Ministry of Defence of Armenia", "side": "ARM", "injured": 2, "summary": "Two soldiers wounded.", "source": "t1"}],
               "sources": [{"id": "t1", "outlet": "Test Wire", "published": "2023-05-21"}],
               "notes": "written for the API test"}}
            """;

    @Value("${local.server.port}")
    protected int port;

    protected final ApiClient api = new ApiClient(() -> this.port);

    /** The demo incidents the pipeline made from geodata/demo/reports at start-up (write tests leave none behind). */
    protected int demoIncidentCount() throws IOException, InterruptedException {
        return api.body(api.get("/collections/incidents/items?limit=10000")).path("features").size();
    }

    protected long count() throws IOException, InterruptedException {
        return api.body(api.get("/collections/incidents/items?limit=1")).path("numberMatched").asLong();
    }

    protected JsonNode demoIncident(String locationStartsWith) throws Exception {
        for (JsonNode f : api.body(api.get("/collections/incidents/items?limit=1000")).path("features")) {
            if (f.path("properties").path("location_name").asString().startsWith(locationStartsWith)) {
                return f;
            }
        }
        throw new AssertionError("no demo incident at " + locationStartsWith);
    }
}
