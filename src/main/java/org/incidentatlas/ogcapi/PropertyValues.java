package org.incidentatlas.ogcapi;

import java.util.Locale;
import java.util.Set;

/** Checks of property-filter values shared by the collections; a bad value is a 400 naming it. */
final class PropertyValues {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private PropertyValues() {
    }

    static String country(String value) {
        if (value != null && !ISO3.contains(value)) {
            throw ApiException.badParameter("country '" + value + "' is not an ISO 3166-1 alpha-3 code such as ARM or AZE");
        }
        return value;
    }

    static Integer geoPrecision(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[123]")) {
            throw ApiException.badParameter("geo_precision must be 1, 2 or 3; got '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
