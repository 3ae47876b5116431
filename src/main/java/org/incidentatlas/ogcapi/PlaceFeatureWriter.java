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
        FeatureJson.feature(g, place.id(), place.geometry(), 7, crs, links, properties -> {
            for (PlaceField field : PlaceField.PROPERTIES) {
                // a search answer's geo precision is the answer's (a derived point makes it coarser), not the place's
                Object value = field == PlaceField.GEO_PRECISION && candidate != null ? candidate.geoPrecision() : field.value(place);
                FeatureJson.property(g, field.property(), field.type(), value, PlaceFeatureWriter::altName);
                if (field == PlaceField.NAME && candidate != null) {
                    g.writeNumberProperty("score", candidate.score());
                    g.writeStringProperty("match", candidate.match().code());
                    g.writeStringProperty("matched_name", candidate.matchedName());
                }
            }
        });
    }

    private static void altName(JsonGenerator g, Object element) {
        AltName a = (AltName) element;
        g.writeStartObject();
        g.writeStringProperty("lang", a.lang());
        g.writeStringProperty("name", a.name());
        g.writeEndObject();
    }
}
