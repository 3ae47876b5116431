package org.incidentatlas.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.cql.Queryable;
import org.locationtech.jts.geom.Geometry;

/**
 * The views of {@link IncidentField} each representation needs, and the one place where field
 * values (as read from SQL or JSON) become the model's records.
 */
public final class IncidentSchema {

    /** Every field, in the order the representations list them. */
    public static final List<IncidentField> FIELDS = List.of(IncidentField.values());

    /** The members of a feature's "properties", in the order the writer writes them. */
    public static final List<IncidentField> PROPERTIES = FIELDS.stream().filter(IncidentField::isProperty).toList();

    /** The columns the store writes from a client's data. */
    public static final List<IncidentField> WRITABLE = with(IncidentField.Trait.WRITABLE);

    /** The columns of the incidents table the store reads back. */
    public static final List<IncidentField> STORED = FIELDS.stream().filter(IncidentField::stored).toList();

    /** The properties a CQL2 filter may name, with their columns. */
    public static final List<Queryable> QUERYABLES = with(IncidentField.Trait.QUERYABLE).stream()
            .map(f -> new Queryable(f.property(), f.type().cqlType(), f.column(), f.endColumn(), f.description())).toList();

    private IncidentSchema() {
    }

    public static List<IncidentField> with(IncidentField.Trait trait) {
        return FIELDS.stream().filter(f -> f.has(trait)).toList();
    }

    /** The field whose GeoJSON property (or "geometry") is {@code property}. */
    public static java.util.Optional<IncidentField> byProperty(String property) {
        return Arrays.stream(IncidentField.values()).filter(f -> f.property().equals(property)).findFirst();
    }

    /** The record a list field's elements are (claims, sources). */
    public static Class<?> elementType(IncidentField field) {
        return switch (field) {
            case CLAIMS -> Claim.class;
            case SOURCES -> SourceRef.class;
            default -> throw new IllegalArgumentException(field + " is no list");
        };
    }

    /**
     * The incident's data from the values of its writable fields (in the form {@link IncidentField#value}
     * gives them). A code that names no precision or status gives null (the status then defaults to
     * reviewed); a missing geo_precision gives 0: the reader and the validator report those.
     */
    public static IncidentData data(Map<IncidentField, Object> v) {
        return new IncidentData(
                (LocalDate) v.get(IncidentField.EVENT_DATE), (LocalDate) v.get(IncidentField.EVENT_DATE_END),
                datePrecision(v), (String) v.get(IncidentField.EVENT_TYPE), (String) v.get(IncidentField.SUB_EVENT_TYPE),
                (String) v.get(IncidentField.ACTOR1), (String) v.get(IncidentField.ACTOR2),
                location(v),
                new Casualties((Integer) v.get(IncidentField.FATALITIES), (Integer) v.get(IncidentField.FATALITIES_LOW),
                        (Integer) v.get(IncidentField.FATALITIES_HIGH)),
                new Casualties((Integer) v.get(IncidentField.INJURED), (Integer) v.get(IncidentField.INJURED_LOW),
                        (Integer) v.get(IncidentField.INJURED_HIGH)),
                list(v, IncidentField.CLAIMS, Claim.class), list(v, IncidentField.SOURCES, SourceRef.class),
                (String) v.get(IncidentField.NOTES),
                status(v),
                (Double) v.get(IncidentField.CONFIDENCE));
    }

    /** The location part of the data (also what each report's extracted events carry). */
    public static IncidentLocation location(Map<IncidentField, Object> v) {
        Integer geoPrecision = (Integer) v.get(IncidentField.GEO_PRECISION);
        return new IncidentLocation((Geometry) v.get(IncidentField.GEOMETRY), (String) v.get(IncidentField.LOCATION_NAME),
                (String) v.get(IncidentField.PLACE_ID), (String) v.get(IncidentField.COUNTRY), (String) v.get(IncidentField.ADMIN1),
                (String) v.get(IncidentField.ADMIN2), geoPrecision == null ? 0 : geoPrecision,
                (Integer) v.get(IncidentField.LOCATION_UNCERTAINTY_M));
    }

    /** The date precision its code names, or null. */
    public static DatePrecision datePrecision(Map<IncidentField, Object> v) {
        String code = (String) v.get(IncidentField.DATE_PRECISION);
        return code == null ? null : DatePrecision.fromCode(code).orElse(null);
    }

    /** The review status its code names; reviewed when absent, null when the code names none. */
    public static ReviewStatus status(Map<IncidentField, Object> v) {
        String code = (String) v.get(IncidentField.STATUS);
        return code == null ? ReviewStatus.REVIEWED : ReviewStatus.fromCode(code).orElse(null);
    }

    /**
     * A stored incident from the values of every stored field; {@code distanceM} is the unrounded
     * distance (the value of {@link IncidentField#BORDER_DISTANCE_M} is rounded for display).
     */
    public static Incident incident(Map<IncidentField, Object> v) {
        double[] nearest = (double[]) v.get(IncidentField.NEAREST_BORDER_POINT);
        BorderMetrics metrics = new BorderMetrics((Double) v.get(IncidentField.BORDER_DISTANCE_M),
                (String) v.get(IncidentField.NEAREST_BORDER), nearest == null ? null : nearest[0], nearest == null ? null : nearest[1],
                (String) v.get(IncidentField.BORDER_SIDE), null);
        return new Incident((Long) v.get(IncidentField.ID), data(v), metrics, (Instant) v.get(IncidentField.CREATED_AT),
                (Instant) v.get(IncidentField.UPDATED_AT), (Integer) v.get(IncidentField.VERSION));
    }

    private static <T> List<T> list(Map<IncidentField, Object> v, IncidentField field, Class<T> element) {
        List<?> value = (List<?>) v.get(field);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return value.stream().map(element::cast).toList();
    }
}
