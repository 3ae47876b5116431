package org.incidentatlas.incidents;

import java.util.EnumSet;
import java.util.Set;

import org.incidentatlas.fields.FieldType;

/**
 * The incident's fields, defined once and in the order every representation lists them: the
 * GeoJSON property (or the feature's geometry), the SQL column, the type, and where the field
 * appears. The store, the report-event store, the GeoJSON reader and writer, the collection's
 * properties, the queryables, the OpenAPI schema, the table exports and the tiles all walk this
 * list; {@link IncidentSchema} gathers the views they need.
 */
public enum IncidentField {

    ID("id", "id", FieldType.LONG, "Incident id", Incident::id,
            Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    GEOMETRY("geometry", "geom", FieldType.GEOMETRY, "Where it happened (point, line or area)",
            (IncidentData d) -> d.location().geometry(), Trait.WRITABLE, Trait.REQUIRED, Trait.QUERYABLE, Trait.EXTRACTED),
    EVENT_INTERVAL("event_interval", "event_date", "event_last_date", FieldType.INTERVAL,
            "The days of the event, first to last (for the t_ functions)", Trait.QUERYABLE),
    EVENT_DATE("event_date", "event_date", FieldType.DATE, "First day of the event", (IncidentData d) -> d.eventDate(),
            Trait.WRITABLE, Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED, Trait.EXTRACTED),
    EVENT_DATE_END("event_date_end", "event_date_end", FieldType.DATE, "Last day of an event over several days",
            (IncidentData d) -> d.eventDateEnd(), Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    DATE_PRECISION("date_precision", "date_precision", FieldType.TEXT, "day, week, month or year",
            (IncidentData d) -> d.datePrecision() == null ? null : d.datePrecision().code(),
            Trait.WRITABLE, Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    EVENT_TYPE("event_type", "event_type", FieldType.TEXT, "ACLED event type", (IncidentData d) -> d.eventType(),
            Trait.WRITABLE, Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED, Trait.EXTRACTED),
    SUB_EVENT_TYPE("sub_event_type", "sub_event_type", FieldType.TEXT, "ACLED sub-event type", (IncidentData d) -> d.subEventType(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED, Trait.EXTRACTED),
    ACTOR1("actor1", "actor1", FieldType.TEXT, "First actor", (IncidentData d) -> d.actor1(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    ACTOR2("actor2", "actor2", FieldType.TEXT, "Second actor", (IncidentData d) -> d.actor2(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    LOCATION_NAME("location_name", "location_name", FieldType.TEXT, "Name of the location as reported",
            (IncidentData d) -> d.location().name(), Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED, Trait.EXTRACTED),
    PLACE_ID("place_id", "place_id", FieldType.TEXT, "Gazetteer id of the place", (IncidentData d) -> d.location().placeId(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    COUNTRY("country", "country", FieldType.TEXT, "ISO 3166-1 alpha-3 code", (IncidentData d) -> d.location().country(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED, Trait.EXTRACTED),
    ADMIN1("admin1", "admin1", FieldType.TEXT, "First-level administrative unit", (IncidentData d) -> d.location().admin1(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    ADMIN2("admin2", "admin2", FieldType.TEXT, "Second-level administrative unit", (IncidentData d) -> d.location().admin2(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    GEO_PRECISION("geo_precision", "geo_precision", FieldType.INTEGER,
            "1 exact place, 2 near or part of a region, 3 province or larger", (IncidentData d) -> d.location().geoPrecision(),
            Trait.WRITABLE, Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    LOCATION_UNCERTAINTY_M("location_uncertainty_m", "location_uncertainty_m", FieldType.INTEGER,
            "Radius in metres of the circle around the point within which the event happened; null: not stated",
            (IncidentData d) -> d.location().uncertaintyM(), Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.EXTRACTED),
    FATALITIES("fatalities", "fatalities", FieldType.INTEGER, "Best estimate of deaths", (IncidentData d) -> d.fatalities().best(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    FATALITIES_LOW("fatalities_low", "fatalities_low", FieldType.INTEGER, "Lowest claimed deaths",
            (IncidentData d) -> d.fatalities().low(), Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    FATALITIES_HIGH("fatalities_high", "fatalities_high", FieldType.INTEGER, "Highest claimed deaths",
            (IncidentData d) -> d.fatalities().high(), Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    INJURED("injured", "injured", FieldType.INTEGER, "Best estimate of injured", (IncidentData d) -> d.injured().best(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    INJURED_LOW("injured_low", "injured_low", FieldType.INTEGER, "Lowest claimed injured", (IncidentData d) -> d.injured().low(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    INJURED_HIGH("injured_high", "injured_high", FieldType.INTEGER, "Highest claimed injured", (IncidentData d) -> d.injured().high(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    CLAIMS("claims", "claims", FieldType.LIST, "What each party claimed: claimant, the side whose losses the figures count "
            + "(ISO3), fatalities, injured, summary, the id of the source and the span of its text",
            (IncidentData d) -> d.claims(), Trait.WRITABLE, Trait.EXPORTED),
    SOURCES("sources", "sources", FieldType.LIST, "The reports the incident was coded from: id, url, outlet, published, "
            + "title, the stored report's id and the spans of its text", (IncidentData d) -> d.sources(),
            Trait.WRITABLE, Trait.EXPORTED),
    NOTES("notes", "notes", FieldType.TEXT, "Free-text notes", (IncidentData d) -> d.notes(),
            Trait.WRITABLE, Trait.QUERYABLE, Trait.EXPORTED),
    STATUS("status", "status", FieldType.TEXT, "Review state: extracted, reviewed or rejected",
            (IncidentData d) -> d.status().code(), Trait.WRITABLE, Trait.REQUIRED),
    CONFIDENCE("confidence", "confidence", FieldType.NUMBER,
            "The extraction pipeline's confidence in [0, 1]; null for hand-coded incidents", (IncidentData d) -> d.confidence(),
            Trait.WRITABLE),
    BORDER_DISTANCE_M("border_distance_m", "border_distance_m", FieldType.NUMBER, "Geodesic distance to the nearest border, metres",
            // a centimetre is well below the accuracy of any incident location
            (Incident i) -> i.border().distanceM() == null ? null : Math.round(i.border().distanceM() * 100) / 100.0,
            Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    NEAREST_BORDER("nearest_border", "nearest_border", FieldType.TEXT, "Id of the nearest border",
            (Incident i) -> i.border().nearestBorder(), Trait.QUERYABLE, Trait.EXPORTED),
    NEAREST_BORDER_POINT("nearest_border_point", "nearest_border_point", FieldType.POSITION,
            "The nearest point of the nearest border, [longitude, latitude]",
            (Incident i) -> i.border().nearestLon() == null ? null : new double[] {i.border().nearestLon(), i.border().nearestLat()}),
    BORDER_SIDE("border_side", "border_side", FieldType.TEXT, "Country on whose side of the border it lies",
            (Incident i) -> i.border().side(), Trait.QUERYABLE, Trait.EXPORTED),
    CREATED_AT("created_at", "created_at", FieldType.TIMESTAMP, "When it was stored", Incident::createdAt,
            Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED),
    UPDATED_AT("updated_at", "updated_at", FieldType.TIMESTAMP, "When it was last changed", Incident::updatedAt,
            Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED),
    VERSION("version", "version", FieldType.INTEGER, "Version, raised by every change", Incident::version,
            Trait.REQUIRED, Trait.QUERYABLE, Trait.EXPORTED);

    /** How a client-written field's value is read from the incident's data. */
    @FunctionalInterface
    interface DataValue {
        Object of(IncidentData data);
    }

    /** How a store-kept field's value is read from the stored incident. */
    @FunctionalInterface
    interface StoredValue {
        Object of(Incident incident);
    }

    /** Where a field appears besides the store. */
    public enum Trait {
        /** A client sends it; the store keeps it as sent. Fields without it are the store's (ids, border metrics, bookkeeping). */
        WRITABLE,
        /** Never null. */
        REQUIRED,
        /** A CQL2 filter may name it. */
        QUERYABLE,
        /** A column of the table exports (CSV, FlatGeobuf, GeoPackage). */
        EXPORTED,
        /** An attribute of the features in vector tiles. */
        TILED,
        /** Also a column of each report's extracted events (report_events), fusion's input. */
        EXTRACTED
    }

    private final String property;
    private final String column;
    private final String endColumn;
    private final FieldType type;
    private final String description;
    private final StoredValue value;
    private final DataValue dataValue;
    private final Set<Trait> traits;

    /** A field the client writes: its value is part of {@link IncidentData}. */
    IncidentField(String property, String column, FieldType type, String description, DataValue dataValue, Trait... traits) {
        this(property, column, null, type, description, i -> dataValue.of(i.data()), dataValue, traits);
    }

    /** A field the store keeps: its value is the stored incident's. */
    IncidentField(String property, String column, FieldType type, String description, StoredValue value, Trait... traits) {
        this(property, column, null, type, description, value, null, traits);
    }

    /** A filter's view of two columns. */
    IncidentField(String property, String column, String endColumn, FieldType type, String description, Trait... traits) {
        this(property, column, endColumn, type, description, i -> null, null, traits);
    }

    IncidentField(String property, String column, String endColumn, FieldType type, String description,
                  StoredValue value, DataValue dataValue, Trait... traits) {
        this.property = property;
        this.column = column;
        this.endColumn = endColumn;
        this.type = type;
        this.description = description;
        this.value = value;
        this.dataValue = dataValue;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.of(traits[0], traits);
    }

    /** Its name in GeoJSON ("properties" member, or "geometry"), in filters and in the exports. */
    public String property() {
        return property;
    }

    /** The SQL column that holds it (for an interval, the first day's). */
    public String column() {
        return column;
    }

    /** An interval's last-day column; null for other fields. */
    public String endColumn() {
        return endColumn;
    }

    public FieldType type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    public boolean writable() {
        return has(Trait.WRITABLE);
    }

    public boolean nullable() {
        return !has(Trait.REQUIRED);
    }

    /** A member of the feature's "properties" (not the geometry, not a filter-only interval). */
    public boolean isProperty() {
        return type != FieldType.GEOMETRY && type != FieldType.INTERVAL;
    }

    /** A column of the incidents table. */
    public boolean stored() {
        return type != FieldType.INTERVAL;
    }

    /**
     * The incident's value of this field as every representation carries it: dates as
     * {@link java.time.LocalDate}, instants as {@link java.time.Instant}, codes as their text, a
     * position as {longitude, latitude}, lists as the model's records; null where there is none.
     */
    public Object value(Incident incident) {
        return value.of(incident);
    }

    /** The value a client wrote, from the incident's data (writable fields only). */
    public Object value(IncidentData data) {
        if (dataValue == null) {
            throw new IllegalStateException(property + " is kept by the store, not part of the incident's data");
        }
        return dataValue.of(data);
    }
}
