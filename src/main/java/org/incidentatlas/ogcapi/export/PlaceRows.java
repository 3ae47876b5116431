package org.incidentatlas.ogcapi.export;

import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.fields.FieldType;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.PlaceField;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Gazetteer places as flat rows: the exported fields one column each, the alternate names as a JSON text column. */
@Component
public class PlaceRows {

    private static final List<PlaceField> FIELDS = PlaceField.with(PlaceField.Trait.EXPORTED);

    public static final FeatureTable TABLE = new FeatureTable("places", FIELDS.stream()
            .map(f -> f.type().whole() ? Column.integer(f.property()) : Column.text(f.property())).toList());

    private final JsonMapper json;

    public PlaceRows(JsonMapper json) {
        this.json = json;
    }

    public FeatureRow row(Place place) {
        List<Object> values = new ArrayList<>(FIELDS.size());
        for (PlaceField field : FIELDS) {
            Object value = field.value(place);
            values.add(field.type() == FieldType.LIST ? json.writeValueAsString(value) : value);
        }
        return new FeatureRow(place.geometry(), values);
    }
}
