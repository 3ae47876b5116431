package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.gazetteer.AltName;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Place;
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
        g.writeStringProperty("name", place.name());
        if (candidate != null) {
            g.writeNumberProperty("score", candidate.score());
            g.writeStringProperty("match", candidate.match().code());
            g.writeStringProperty("matched_name", candidate.matchedName());
        }
        g.writeStringProperty("feature_type", place.type().code());
        g.writeStringProperty("country", place.country());
        g.writeStringProperty("admin1", place.admin1());
        g.writeStringProperty("admin2", place.admin2());
        g.writeArrayPropertyStart("alt_names");
        for (AltName a : place.altNames()) {
            g.writeStartObject();
            g.writeStringProperty("lang", a.lang());
            g.writeStringProperty("name", a.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberProperty("geo_precision", candidate != null ? candidate.geoPrecision() : place.geoPrecision());
        if (place.population() == null) {
            g.writeNullProperty("population");
        } else {
            g.writeNumberProperty("population", place.population());
        }
        g.writeArrayPropertyStart("representative_point");
        g.writeNumber(place.lon());
        g.writeNumber(place.lat());
        g.writeEndArray();
        g.writeStringProperty("source", place.source());
        if (place.uncertaintyM() == null) {
            g.writeNullProperty("uncertainty_m");
        } else {
            g.writeNumberProperty("uncertainty_m", place.uncertaintyM());
        }
        g.writeEndObject();
        FeatureJson.links(g, links);
        g.writeEndObject();
    }

}
