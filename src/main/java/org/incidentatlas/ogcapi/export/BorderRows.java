package org.incidentatlas.ogcapi.export;

import java.util.List;

import org.incidentatlas.borders.Border;

/** Borders as flat rows. */
public final class BorderRows {

    public static final FeatureTable TABLE = new FeatureTable("borders", List.of(
            Column.text("id"), Column.text("name"), Column.text("kind"), Column.text("country_a"),
            Column.text("country_b"), Column.text("source"), Column.text("vintage"), Column.text("valid_from"),
            Column.text("valid_to")));

    private BorderRows() {
    }

    public static FeatureRow row(Border b) {
        return FeatureRow.of(b.geometry(), b.id(), b.name(), b.kind(), b.countryA(), b.countryB(), b.source(),
                b.vintage(), text(b.validFrom()), text(b.validTo()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
