package org.incidentatlas.ogcapi.export;

import java.util.List;

import org.incidentatlas.gazetteer.Place;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Gazetteer places as flat rows; the alternate names as a JSON text column. */
@Component
public class PlaceRows {

    public static final FeatureTable TABLE = new FeatureTable("places", List.of(
            Column.text("id"), Column.text("name"), Column.text("feature_type"), Column.text("country"),
            Column.text("admin1"), Column.text("admin2"), Column.text("alt_names"), Column.integer("geo_precision"),
            Column.integer("population"), Column.text("source"), Column.integer("uncertainty_m")));

    private final JsonMapper json;

    public PlaceRows(JsonMapper json) {
        this.json = json;
    }

    public FeatureRow row(Place place) {
        return FeatureRow.of(place.geometry(), place.id(), place.name(), place.type().code(), place.country(),
                place.admin1(), place.admin2(), json.writeValueAsString(place.altNames()), place.geoPrecision(),
                place.population(), place.source(), place.uncertaintyM());
    }
}
