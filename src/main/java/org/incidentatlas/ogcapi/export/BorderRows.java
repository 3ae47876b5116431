package org.incidentatlas.ogcapi.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderField;

/** Borders as flat rows: every field but the geometry, one text column each (dates as ISO text). */
public final class BorderRows {

    private static final List<BorderField> FIELDS = Arrays.stream(BorderField.values())
            .filter(f -> f != BorderField.GEOMETRY).toList();

    public static final FeatureTable TABLE = new FeatureTable("borders",
            FIELDS.stream().map(f -> Column.text(f.property())).toList());

    private BorderRows() {
    }

    public static FeatureRow row(Border b) {
        List<Object> values = new ArrayList<>(FIELDS.size());
        for (BorderField field : FIELDS) {
            Object value = field.value(b);
            values.add(value == null ? null : value.toString());
        }
        return new FeatureRow(b.geometry(), values);
    }
}
