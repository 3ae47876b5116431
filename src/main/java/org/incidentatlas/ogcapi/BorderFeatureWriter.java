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
        FeatureJson.feature(g, border.id(), border.geometry(), 7, crs, links, properties -> {
            for (BorderField field : BorderField.PROPERTIES) {
                FeatureJson.property(g, field.property(), field.type(), field.value(border), FeatureJson::noList);
            }
        });
    }
}
