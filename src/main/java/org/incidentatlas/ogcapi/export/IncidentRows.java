package org.incidentatlas.ogcapi.export;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentLocation;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents as flat rows: the GeoJSON properties one column each, with the claims and sources
 * (lists of objects) as JSON text columns, which QGIS and GDAL show as strings.
 */
@Component
public class IncidentRows {

    public static final FeatureTable TABLE = new FeatureTable("incidents", List.of(
            Column.integer("id"), Column.text("event_date"), Column.text("event_date_end"), Column.text("date_precision"),
            Column.text("event_type"), Column.text("sub_event_type"), Column.text("actor1"), Column.text("actor2"),
            Column.text("location_name"), Column.text("place_id"), Column.text("country"), Column.text("admin1"),
            Column.text("admin2"), Column.integer("geo_precision"), Column.integer("location_uncertainty_m"),
            Column.integer("fatalities"), Column.integer("fatalities_low"), Column.integer("fatalities_high"),
            Column.integer("injured"), Column.integer("injured_low"), Column.integer("injured_high"),
            Column.text("claims"), Column.text("sources"), Column.text("notes"),
            Column.real("border_distance_m"), Column.text("nearest_border"), Column.text("border_side"),
            Column.text("created_at"), Column.text("updated_at"), Column.integer("version")));

    private final JsonMapper json;

    public IncidentRows(JsonMapper json) {
        this.json = json;
    }

    public FeatureRow row(Incident incident) {
        IncidentData d = incident.data();
        IncidentLocation loc = d.location();
        BorderMetrics b = incident.border();
        return FeatureRow.of(loc.geometry(), incident.id(), text(d.eventDate()), text(d.eventDateEnd()),
                d.datePrecision().code(), d.eventType(), d.subEventType(), d.actor1(), d.actor2(),
                loc.name(), loc.placeId(), loc.country(), loc.admin1(), loc.admin2(), loc.geoPrecision(), loc.uncertaintyM(),
                d.fatalities().best(), d.fatalities().low(), d.fatalities().high(),
                d.injured().best(), d.injured().low(), d.injured().high(),
                json.writeValueAsString(d.claims()), json.writeValueAsString(d.sources()), d.notes(),
                b.distanceM() == null ? null : Math.round(b.distanceM() * 100) / 100.0, b.nearestBorder(), b.side(),
                DateTimeFormatter.ISO_INSTANT.format(incident.createdAt()),
                DateTimeFormatter.ISO_INSTANT.format(incident.updatedAt()), incident.version());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
