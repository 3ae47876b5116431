package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Incident data for tests, written by the team (not taken from any report). */
public final class TestIncidents {

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private TestIncidents() {
    }

    public static Geometry point(double lon, double lat) {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    /** A shelling incident on one day at one point, with one claim and its source. */
    public static IncidentData shelling(LocalDate day, double lon, double lat) {
        return new IncidentData(day, null, DatePrecision.DAY, EventTaxonomy.EXPLOSIONS,
                "Shelling/artillery/missile attack", "Military Forces of Azerbaijan (2003-)", "Military Forces of Armenia (2018-)",
                new IncidentLocation(point(lon, lat), "Test settlement", null, "ARM", "Syunik", null, 1),
                new Casualties(2, 1, 3), Casualties.UNKNOWN,
                List.of(new Claim("Ministry of Defence of Armenia", 3, null, "Says three soldiers died.", "r1"),
                        new Claim("Ministry of Defence of Azerbaijan", 1, null, "Says one soldier died.", "r2")),
                List.of(new SourceRef("r1", "https://example.org/a", "Example Wire", day),
                        new SourceRef("r2", null, "Other Outlet", day.plusDays(1))),
                "test fixture");
    }

    public static IncidentData withLocation(IncidentData d, IncidentLocation location) {
        return new IncidentData(d.eventDate(), d.eventDateEnd(), d.datePrecision(), d.eventType(), d.subEventType(),
                d.actor1(), d.actor2(), location, d.fatalities(), d.injured(), d.claims(), d.sources(), d.notes());
    }

    public static IncidentData withDates(IncidentData d, LocalDate start, LocalDate end, DatePrecision precision) {
        return new IncidentData(start, end, precision, d.eventType(), d.subEventType(), d.actor1(), d.actor2(),
                d.location(), d.fatalities(), d.injured(), d.claims(), d.sources(), d.notes());
    }

    public static IncidentData withType(IncidentData d, String eventType, String subEventType, String actor2) {
        return new IncidentData(d.eventDate(), d.eventDateEnd(), d.datePrecision(), eventType, subEventType, d.actor1(),
                actor2, d.location(), d.fatalities(), d.injured(), d.claims(), d.sources(), d.notes());
    }

    public static IncidentData withFatalities(IncidentData d, Casualties fatalities) {
        return new IncidentData(d.eventDate(), d.eventDateEnd(), d.datePrecision(), d.eventType(), d.subEventType(),
                d.actor1(), d.actor2(), d.location(), fatalities, d.injured(), d.claims(), d.sources(), d.notes());
    }
}
