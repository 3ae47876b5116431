package org.incidentatlas.incidents;

import java.util.List;

/**
 * An order of incidents by one or more properties, each ascending or descending, with the id as
 * the final tie-breaker (so every order is total and keyset pages stay exact). Properties without
 * a value sort as the lowest value (-1, the empty text, or, for the border distance, last).
 */
public record IncidentSort(List<Key> keys, boolean idDescending) {

    /** What incidents can be sorted by, by the property name the API uses. */
    public enum Field {
        EVENT_DATE("event_date"), EVENT_DATE_LAST("event_date_end"), FATALITIES("fatalities"), INJURED("injured"),
        BORDER_DISTANCE("border_distance_m"), GEO_PRECISION("geo_precision"), COUNTRY("country"), ADMIN1("admin1"),
        EVENT_TYPE("event_type"), SUB_EVENT_TYPE("sub_event_type"), LOCATION_NAME("location_name");

        private final String property;

        Field(String property) {
            this.property = property;
        }

        public String property() {
            return property;
        }
    }

    public record Key(Field field, boolean descending) {
    }

    public static final IncidentSort BY_ID = new IncidentSort(List.of(), false);

    public IncidentSort {
        keys = List.copyOf(keys);
    }

    public static IncidentSort of(IncidentOrder order) {
        return switch (order) {
            case ID -> BY_ID;
            case BORDER_DISTANCE -> new IncidentSort(List.of(new Key(Field.BORDER_DISTANCE, false)), false);
            case BORDER_DISTANCE_DESC -> new IncidentSort(List.of(new Key(Field.BORDER_DISTANCE, true)), true);
        };
    }
}
