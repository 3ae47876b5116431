package org.incidentatlas.web;

import java.util.Locale;
import java.util.Set;

/** Checks of property-filter values shared by the collections; a bad value is a 400 naming it. */
public final class PropertyValues {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private PropertyValues() {
    }

    public static String country(String value) {
        if (value != null && !ISO3.contains(value)) {
            throw ApiException.badParameter("country '" + value + "' is not an ISO 3166-1 alpha-3 code such as ARM or AZE");
        }
        return value;
    }

    /** A distance in metres: a finite number from 0 to {@code max}. */
    public static Double metres(String name, String value, double max) {
        if (value == null) {
            return null;
        }
        double m;
        try {
            m = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name + " '" + value + "' is not a number of metres");
        }
        if (!Double.isFinite(m) || m < 0) {
            throw ApiException.badParameter(name + " must be a distance in metres, 0 or more; got '" + value + "'");
        }
        if (m > max) {
            throw ApiException.badParameter(name + " may be at most " + (long) max + " m; got '" + value + "'");
        }
        return m;
    }

    /** lon,lat in WGS 84. */
    public static double[] point(String name, String value) {
        String[] parts = value.split(",", -1);
        if (parts.length == 2) {
            try {
                double lon = Double.parseDouble(parts[0].strip());
                double lat = Double.parseDouble(parts[1].strip());
                if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
                    return new double[] {lon, lat};
                }
                throw ApiException.badParameter(name + " '" + value + "' is outside WGS 84 bounds (lon -180..180, lat -90..90)");
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ApiException.badParameter(name + " must be lon,lat (two numbers); got '" + value + "'");
    }

    public static Integer geoPrecision(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[123]")) {
            throw ApiException.badParameter("geo_precision must be 1, 2 or 3; got '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
