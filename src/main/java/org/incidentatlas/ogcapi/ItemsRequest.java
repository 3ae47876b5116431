package org.incidentatlas.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.incidentatlas.cql.Expression;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.web.ApiException;

/**
 * Parses the query parameters of {@code /collections/{id}/items}. Every malformed value is
 * refused with a 400 naming the parameter, as OGC API - Features asks, and so is any parameter
 * the collection does not know (a misspelt filter must not silently match everything).
 */
final class ItemsRequest {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static final Set<String> STANDARD = Set.of("f", "bbox", "bbox-crs", "datetime", "limit", "cursor", "crs",
            "filter", "filter-lang", "filter-crs", "properties");

    private ItemsRequest() {
    }

    static ItemsQuery parse(Map<String, String[]> parameters, FeatureSource source, CrsRegistry crs, FilterLimits limits) {
        if (!allKnown(parameters.keySet(), source)) {
            Set<String> known = new TreeSet<>(STANDARD);
            known.addAll(source.propertyFilters());
            Set<String> unknown = new TreeSet<>(parameters.keySet());
            unknown.removeAll(known);
            throw ApiException.badParameter("unknown query parameter" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; items of '" + source.id() + "' take " + known);
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (p.getValue().length > 1) {
                throw ApiException.badParameter("parameter '" + p.getKey() + "' is given " + p.getValue().length + " times");
            }
        }
        SupportedCrs bboxCrs = crs.resolve("bbox-crs", single(parameters, "bbox-crs"));
        Map<String, String> properties = new TreeMap<>();
        for (String name : source.propertyFilters()) {
            String value = single(parameters, name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        Expression filter = FilterParameters.parse(single(parameters, "filter"), single(parameters, "filter-lang"),
                single(parameters, "filter-crs"), crs, limits);
        if (filter != null && !source.filters()) {
            throw ApiException.badParameter("filter: the items of '" + source.id() + "' cannot be filtered with CQL2");
        }
        List<String> select = PropertySelection.parse(single(parameters, "properties"));
        PropertySelection.check(select, source.featureProperties(), source.id());
        return new ItemsQuery(bbox(single(parameters, "bbox"), bboxCrs, crs), datetime(single(parameters, "datetime")), properties,
                cursor(single(parameters, "cursor")), limit(single(parameters, "limit")),
                crs.resolve("crs", single(parameters, "crs")), filter, select);
    }

    /** Whether the items take every one of these names; checked before the sorted sets of the message are built (a tile asks per request). */
    private static boolean allKnown(Set<String> names, FeatureSource source) {
        for (String name : names) {
            if (!STANDARD.contains(name) && !source.propertyFilters().contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    /**
     * A bbox in {@code bboxCrs}, as the storage box that holds it. In a geographic CRS a first
     * longitude greater than the second is a box across the antimeridian, whatever the axis order.
     */
    static BoundingBox bbox(String value, SupportedCrs bboxCrs, CrsRegistry registry) {
        if (value == null || bboxCrs.isStorage()) {
            return bbox(value);
        }
        double[] n = numbers(value);
        int half = n.length / 2;
        try {
            return registry.toStorage(n[0], n[1], n[half], n[half + 1], bboxCrs);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("bbox in " + bboxCrs.uri() + ": " + e.getMessage());
        }
    }

    static BoundingBox bbox(String value) {
        if (value == null) {
            return null;
        }
        double[] n = numbers(value);
        int half = n.length / 2;
        if (half == 3 && n[2] > n[5]) {
            throw ApiException.badParameter("bbox: minimum height " + n[2] + " is above maximum height " + n[5]);
        }
        try {
            return new BoundingBox(n[0], n[1], n[half], n[half + 1]);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("bbox: " + e.getMessage());
        }
    }

    private static double[] numbers(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter("bbox must be 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights; got "
                    + parts.length + ": '" + value + "'");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter("bbox value '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw ApiException.badParameter("bbox value '" + parts[i] + "' is not a finite number");
            }
        }
        return n;
    }

    /** An instant or an interval ("a/b", "../b", "a/.."), resolved to whole days in UTC. */
    static DateRange datetime(String value) {
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        try {
            if (slash < 0) {
                return DateRange.day(day(value));
            }
            String start = value.substring(0, slash);
            String end = value.substring(slash + 1);
            if (end.contains("/")) {
                throw ApiException.badParameter("datetime '" + value + "' has more than one '/'");
            }
            return new DateRange(open(start) ? null : day(start), open(end) ? null : day(end));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("datetime '" + value
                    + "' is not an RFC 3339 date or date-time, or an interval of them (e.g. 2022-09-13, 2022-09-01/2022-09-30, ../2024-02-13)");
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("datetime: " + e.getMessage());
        }
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static LocalDate day(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("limit '" + value + "' is not a whole number");
        }
        if (limit < 1) {
            throw ApiException.badParameter("limit must be at least 1; got " + limit);
        }
        // The standard asks for a larger limit to be served as the maximum, not refused.
        return Math.min(limit, MAX_LIMIT);
    }

    private static PageCursor cursor(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PageCursor.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(e.getMessage());
        }
    }
}
