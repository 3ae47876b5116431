package org.incidentatlas.ogcapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.incidentatlas.incidents.IncidentSort;
import org.incidentatlas.incidents.IncidentSort.Field;
import org.incidentatlas.web.ApiException;

/**
 * {@code sortby} on incidents (OGC API - Features Part 8 style): property names, comma-separated,
 * each with an optional + (ascending, the default) or - (descending). {@code id} may come last
 * to set the direction of the tie-breaker; every order ends with the id, so keyset pages are exact.
 */
final class IncidentSortby {

    private IncidentSortby() {
    }

    static IncidentSort parse(String value) {
        if (value == null || value.isBlank()) {
            return IncidentSort.BY_ID;
        }
        List<IncidentSort.Key> keys = new ArrayList<>();
        Set<Field> seen = new HashSet<>();
        String[] terms = value.split(",", -1);
        for (int i = 0; i < terms.length; i++) {
            String term = terms[i].strip();
            boolean descending = term.startsWith("-");
            String name = term.startsWith("-") || term.startsWith("+") ? term.substring(1).strip() : term;
            if (name.equals("id")) {
                if (i != terms.length - 1) {
                    throw ApiException.badParameter("sortby: id is unique, so it can only be the last key; got '" + value + "'");
                }
                return new IncidentSort(keys, descending);
            }
            Field field = Arrays.stream(Field.values()).filter(f -> f.property().equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.badParameter("sortby: '" + name + "' cannot be sorted by; use "
                            + sortable() + " with + or - (e.g. sortby=-event_date,fatalities)"));
            if (!seen.add(field)) {
                throw ApiException.badParameter("sortby names '" + name + "' twice");
            }
            keys.add(new IncidentSort.Key(field, descending));
        }
        // the id follows the last key's direction, as a single-key sort always did
        return new IncidentSort(keys, keys.get(keys.size() - 1).descending());
    }

    static List<String> sortable() {
        List<String> names = new ArrayList<>(Arrays.stream(Field.values()).map(Field::property).toList());
        names.add("id");
        return names;
    }

    /** Whether a cursor key can belong to this order: one value per key (of the key's kind), then an id. */
    static boolean fits(IncidentSort sort, String cursorKey) {
        String[] parts = cursorKey.split("\\|", -1);
        int values = sort.keys().isEmpty() ? (sort.idDescending() ? 1 : 0) : sort.keys().size();
        if (parts.length != values + 1 || !parts[values].matches("\\d{1,18}")) {
            return false;
        }
        try {
            for (int i = 0; i < sort.keys().size(); i++) {
                String v = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
                switch (sort.keys().get(i).field()) {
                    case EVENT_DATE, EVENT_DATE_LAST -> LocalDate.parse(v);
                    case FATALITIES, INJURED, GEO_PRECISION -> Integer.parseInt(v);
                    case BORDER_DISTANCE -> Double.parseDouble(v);
                    default -> { }
                }
            }
            return sort.keys().isEmpty() && sort.idDescending() ? parts[0].matches("\\d{1,18}") : true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
