package org.incidentatlas.ogcapi;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.incidents.Casualties;
import org.incidentatlas.incidents.Claim;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.incidents.SourceRef;
import org.incidentatlas.incidents.TextSpan;
import org.incidentatlas.web.Link;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/**
 * Writes an incident as an RFC 7946 GeoJSON Feature (longitude, latitude), straight to a JSON
 * generator so that collections stream without building trees.
 */
@Component
public class IncidentFeatureWriter {

    public void write(JsonGenerator g, Incident incident) {
        write(g, incident, List.of());
    }

    /** The feature with its own links (for the single-feature document). */
    public void write(JsonGenerator g, Incident incident, List<Link> links) {
        write(g, incident, links, null);
    }

    /** The feature with its geometry in {@code crs} (null: storage CRS84). */
    void write(JsonGenerator g, Incident incident, List<Link> links, SupportedCrs crs) {
        IncidentData d = incident.data();
        IncidentLocation loc = d.location();
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeNumberProperty("id", incident.id());
        if (crs == null) {
            FeatureJson.geometry(g, loc.geometry(), 8);
        } else {
            FeatureJson.geometry(g, loc.geometry(), 8, crs);
        }
        g.writeObjectPropertyStart("properties");
        // repeated as a property: GDAL and QGIS keep a numeric feature id only as their internal
        // FID, so without it an analyst's attribute table (and the exports) would have no incident id
        g.writeNumberProperty("id", incident.id());
        date(g, "event_date", d.eventDate());
        date(g, "event_date_end", d.eventDateEnd());
        g.writeStringProperty("date_precision", d.datePrecision().code());
        g.writeStringProperty("event_type", d.eventType());
        g.writeStringProperty("sub_event_type", d.subEventType());
        g.writeStringProperty("actor1", d.actor1());
        g.writeStringProperty("actor2", d.actor2());
        g.writeStringProperty("location_name", loc.name());
        g.writeStringProperty("place_id", loc.placeId());
        g.writeStringProperty("country", loc.country());
        g.writeStringProperty("admin1", loc.admin1());
        g.writeStringProperty("admin2", loc.admin2());
        g.writeNumberProperty("geo_precision", loc.geoPrecision());
        number(g, "location_uncertainty_m", loc.uncertaintyM());
        casualties(g, "fatalities", d.fatalities());
        casualties(g, "injured", d.injured());
        g.writeArrayPropertyStart("claims");
        for (Claim c : d.claims()) {
            g.writeStartObject();
            g.writeStringProperty("claimant", c.claimant());
            if (c.side() != null) {
                g.writeStringProperty("side", c.side());
            }
            number(g, "fatalities", c.fatalities());
            number(g, "injured", c.injured());
            g.writeStringProperty("summary", c.summary());
            g.writeStringProperty("source", c.source());
            if (c.span() != null) {
                g.writeName("span");
                span(g, c.span());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("sources");
        for (SourceRef s : d.sources()) {
            g.writeStartObject();
            g.writeStringProperty("id", s.id());
            g.writeStringProperty("url", s.url());
            g.writeStringProperty("outlet", s.outlet());
            date(g, "published", s.published());
            if (s.title() != null) {
                g.writeStringProperty("title", s.title());
            }
            if (s.report() != null) {
                g.writeNumberProperty("report", s.report());
            }
            if (!s.spans().isEmpty()) {
                g.writeArrayPropertyStart("spans");
                s.spans().forEach(span -> span(g, span));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("notes", d.notes());
        g.writeStringProperty("status", d.status().code());
        if (d.confidence() == null) {
            g.writeNullProperty("confidence");
        } else {
            g.writeNumberProperty("confidence", d.confidence());
        }
        BorderMetrics b = incident.border();
        if (b.distanceM() == null) {
            g.writeNullProperty("border_distance_m");
        } else {
            // a centimetre is well below the accuracy of any incident location
            g.writeNumberProperty("border_distance_m", Math.round(b.distanceM() * 100) / 100.0);
        }
        g.writeStringProperty("nearest_border", b.nearestBorder());
        if (b.nearestLon() == null) {
            g.writeNullProperty("nearest_border_point");
        } else {
            g.writeArrayPropertyStart("nearest_border_point");
            g.writeNumber(b.nearestLon());
            g.writeNumber(b.nearestLat());
            g.writeEndArray();
        }
        g.writeStringProperty("border_side", b.side());
        g.writeStringProperty("created_at", DateTimeFormatter.ISO_INSTANT.format(incident.createdAt()));
        g.writeStringProperty("updated_at", DateTimeFormatter.ISO_INSTANT.format(incident.updatedAt()));
        g.writeNumberProperty("version", incident.version());
        g.writeEndObject();
        FeatureJson.links(g, links);
        g.writeEndObject();
    }


    private static void span(JsonGenerator g, TextSpan span) {
        g.writeStartObject();
        g.writeNumberProperty("start", span.start());
        g.writeNumberProperty("end", span.end());
        g.writeEndObject();
    }

    private static void casualties(JsonGenerator g, String name, Casualties c) {
        number(g, name, c.best());
        number(g, name + "_low", c.low());
        number(g, name + "_high", c.high());
    }

    private static void number(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static void date(JsonGenerator g, String name, LocalDate value) {
        g.writeStringProperty(name, value == null ? null : value.toString());
    }
}
