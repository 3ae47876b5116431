package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderField;
import org.incidentatlas.web.Link;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/** Writes a border as a GeoJSON Feature. */
@Component
public class BorderFeatureWriter {

    public void write(JsonGenerator g, Border border, List<Link> links) {
        write(g, border, links, null);
    }

    /** The feature with its geometry in {@code crs} (null: storage CRS84). */
    void write(JsonGenerator g, Border border, List<Link> links, SupportedCrs crs) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", border.id());
        if (crs == null) {
            FeatureJson.geometry(g, border.geometry(), 7);
        } else {
            FeatureJson.geometry(g, border.geometry(), 7, crs);
        }
        g.writeObjectPropertyStart("properties");
        for (BorderField field : BorderField.PROPERTIES) {
            // every border property is text or a date, both written as strings
            Object value = field.value(border);
            g.writeStringProperty(field.property(), value == null ? null : value.toString());
        }
        g.writeEndObject();
        FeatureJson.links(g, links);
        g.writeEndObject();
    }
}
