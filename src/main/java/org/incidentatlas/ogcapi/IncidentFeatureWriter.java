package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.incidents.Claim;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentSchema;
import org.incidentatlas.incidents.SourceRef;
import org.incidentatlas.incidents.TextSpan;
import org.incidentatlas.web.Link;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * Writes an incident as an RFC 7946 GeoJSON Feature (longitude, latitude), straight to a JSON
 * generator so that collections stream without building trees; its properties are the
 * {@link IncidentSchema#PROPERTIES}, each written as its type says.
 */
@Component
public class IncidentFeatureWriter {

    /** The members' names, encoded once, in the order of {@link IncidentSchema#PROPERTIES}. */
    private static final List<SerializableString> NAMES = IncidentSchema.PROPERTIES.stream()
            .map(field -> FeatureJson.name(field.property())).toList();

    public void write(JsonGenerator g, Incident incident) {
        write(g, incident, List.of());
    }

    /** The feature with its own links (for the single-feature document). */
    public void write(JsonGenerator g, Incident incident, List<Link> links) {
        write(g, incident, links, null);
    }

    /** The feature with its geometry in {@code crs} (null: storage CRS84). */
    void write(JsonGenerator g, Incident incident, List<Link> links, SupportedCrs crs) {
        FeatureJson.feature(g, incident.id(), incident.data().location().geometry(), 8, crs, links, properties -> {
            // "id" is repeated as a property: GDAL and QGIS keep a numeric feature id only as their
            // internal FID, so without it an analyst's attribute table (and the exports) would have no incident id
            for (int i = 0; i < NAMES.size(); i++) {
                IncidentField field = IncidentSchema.PROPERTIES.get(i);
                FeatureJson.property(g, NAMES.get(i), field.type(), field.value(incident), IncidentFeatureWriter::element);
            }
        });
    }


    private static void element(JsonGenerator g, Object element) {
        if (element instanceof Claim c) {
            claim(g, c);
        } else if (element instanceof SourceRef s) {
            source(g, s);
        } else {
            FeatureJson.noList(g, element);
        }
    }

    private static void claim(JsonGenerator g, Claim c) {
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

    private static void source(JsonGenerator g, SourceRef s) {
        g.writeStartObject();
        g.writeStringProperty("id", s.id());
        g.writeStringProperty("url", s.url());
        g.writeStringProperty("outlet", s.outlet());
        g.writeStringProperty("published", s.published() == null ? null : s.published().toString());
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

    private static void span(JsonGenerator g, TextSpan span) {
        g.writeStartObject();
        g.writeNumberProperty("start", span.start());
        g.writeNumberProperty("end", span.end());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }
}
