package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.gazetteer.AltName;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.PlaceField;
import org.incidentatlas.web.Link;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/**
 * Writes a gazetteer place as a GeoJSON Feature: its own geometry (a road stays a LineString)
 * with the representative point as a property, for clients that need one point.
 */
@Component
public class PlaceFeatureWriter {

    public void write(JsonGenerator g, Place place) {
        write(g, place, null, List.of());
    }

    /** A search answer: the place with its score, the kind of match, the name that matched and the answer's geo precision. */
    public void write(JsonGenerator g, Candidate candidate) {
        write(g, candidate.place(), candidate, List.of());
    }

    public void write(JsonGenerator g, Place place, Candidate candidate, List<Link> links) {
        write(g, place, candidate, links, null);
    }

    /** The feature with its geometry in {@code crs} (null: storage CRS84; representative_point stays lon/lat). */
    void write(JsonGenerator g, Place place, Candidate candidate, List<Link> links, SupportedCrs crs) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", place.id());
        if (crs == null) {
            FeatureJson.geometry(g, place.geometry(), 7);
        } else {
            FeatureJson.geometry(g, place.geometry(), 7, crs);
        }
        g.writeObjectPropertyStart("properties");
        for (PlaceField field : PlaceField.PROPERTIES) {
            // a search answer's geo precision is the answer's (a derived point makes it coarser), not the place's
            Object value = field == PlaceField.GEO_PRECISION && candidate != null ? candidate.geoPrecision() : field.value(place);
            property(g, field, value);
            if (field == PlaceField.NAME && candidate != null) {
                g.writeNumberProperty("score", candidate.score());
                g.writeStringProperty("match", candidate.match().code());
                g.writeStringProperty("matched_name", candidate.matchedName());
            }
        }
        g.writeEndObject();
        FeatureJson.links(g, links);
        g.writeEndObject();
    }

    /** One member of "properties", written as its type says. */
    private static void property(JsonGenerator g, PlaceField field, Object value) {
        String name = field.property();
        if (value == null) {
            g.writeNullProperty(name);
            return;
        }
        switch (field.type()) {
            case INTEGER, LONG -> g.writeNumberProperty(name, ((Number) value).longValue());
            case POSITION -> {
                double[] position = (double[]) value;
                g.writeArrayPropertyStart(name);
                g.writeNumber(position[0]);
                g.writeNumber(position[1]);
                g.writeEndArray();
            }
            case LIST -> {
                g.writeArrayPropertyStart(name);
                for (Object element : (List<?>) value) {
                    AltName a = (AltName) element;
                    g.writeStartObject();
                    g.writeStringProperty("lang", a.lang());
                    g.writeStringProperty("name", a.name());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            default -> g.writeStringProperty(name, value.toString());
        }
    }
}
