package org.incidentatlas.gazetteer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentatlas.cql.CqlType;
import org.incidentatlas.cql.Queryable;
import org.incidentatlas.fields.FieldType;

/**
 * A gazetteer place's fields, defined once and in the order every representation lists them: the
 * GeoJSON property (or the feature's geometry), the SQL column, the type, the description and where
 * the field appears. The store's column list, the queryables, the GeoJSON writer and the table
 * exports walk this list.
 */
public enum PlaceField {

    ID("id", "id", FieldType.TEXT, "Gazetteer id", Place::id, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    GEOMETRY("geometry", "geom", FieldType.GEOMETRY, "The place's own geometry", Place::geometry,
            Trait.STORED, Trait.QUERYABLE),
    NAME("name", "name", FieldType.TEXT, "Preferred name", Place::name,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    FEATURE_TYPE("feature_type", "feature_type", FieldType.TEXT, "village, town, city, height, pass, road …",
            p -> p.type().code(), Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    COUNTRY("country", "country", FieldType.TEXT, "ISO 3166-1 alpha-3 code", Place::country,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED, Trait.TILED),
    ADMIN1("admin1", "admin1", FieldType.TEXT, "First-level administrative unit", Place::admin1,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED),
    ADMIN2("admin2", "admin2", FieldType.TEXT, "Second-level administrative unit", Place::admin2,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED),
    ALT_NAMES("alt_names", "alt_names", FieldType.LIST, "Other names, each with its language", Place::altNames,
            Trait.WRITABLE, Trait.STORED, Trait.EXPORTED),
    // computed from the type and the source, so neither stored nor filterable
    GEO_PRECISION("geo_precision", null, FieldType.INTEGER, "Geo precision of an event located at this place (1 to 3)",
            Place::geoPrecision, Trait.EXPORTED),
    POPULATION("population", "population", FieldType.INTEGER, "Population, where known", Place::population,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED),
    // a [longitude, latitude] property in GeoJSON, a point geometry to a filter; the exports carry the geometry only
    REPRESENTATIVE_POINT("representative_point", "point", FieldType.POSITION, "One point for the place",
            p -> new double[] {p.lon(), p.lat()}, Trait.STORED, Trait.QUERYABLE),
    SOURCE("source", "source", FieldType.TEXT, "Where the entry comes from", Place::source,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED),
    UNCERTAINTY_M("uncertainty_m", "uncertainty_m", FieldType.INTEGER,
            "Radius in metres of the circle around the point that holds the place; null for admin units", Place::uncertaintyM,
            Trait.WRITABLE, Trait.STORED, Trait.QUERYABLE, Trait.EXPORTED);

    /** Where a field appears besides GeoJSON. */
    public enum Trait {
        /** A column of the places table (and of the analysts' corrections). */
        STORED,
        /** An analyst's correction sends it (the rest are the id, the geometry and what reads add). */
        WRITABLE,
        /** A CQL2 filter may name it. */
        QUERYABLE,
        /** A column of the table exports (CSV, FlatGeobuf, GeoPackage). */
        EXPORTED,
        /** An attribute of the vector tiles (what a map's popup or style reads). */
        TILED
    }

    /** The members of a feature's "properties", in order (the id is the feature's own id, not a property). */
    public static final List<PlaceField> PROPERTIES = Arrays.stream(values())
            .filter(f -> f != ID && f != GEOMETRY).toList();

    /** The CQL2 queryables. */
    public static final List<Queryable> QUERYABLES = with(Trait.QUERYABLE).stream()
            .map(f -> Queryable.of(f.property, f.cqlType(), f.column, f.description)).toList();

    /** The places table's columns as a SELECT list, geometries as WKB in {@code <column>_wkb}. */
    static final String SELECT_COLUMNS = with(Trait.STORED).stream()
            .map(f -> f.type == FieldType.GEOMETRY || f.type == FieldType.POSITION
                    ? "ST_AsBinary(" + f.column + ") AS " + f.column + "_wkb" : f.column)
            .collect(Collectors.joining(", "));

    private final String property;
    private final String column;
    private final FieldType type;
    private final String description;
    private final Function<Place, Object> value;
    private final Set<Trait> traits;

    PlaceField(String property, String column, FieldType type, String description, Function<Place, Object> value,
               Trait... traits) {
        this.property = property;
        this.column = column;
        this.type = type;
        this.description = description;
        this.value = value;
        this.traits = EnumSet.copyOf(List.of(traits));
    }

    /** The fields with this trait, in order. */
    public static List<PlaceField> with(Trait trait) {
        return Arrays.stream(values()).filter(f -> f.has(trait)).toList();
    }

    /** Its name in GeoJSON, in filters and in the exports. */
    public String property() {
        return property;
    }

    /** The SQL column that holds it; null for a computed field. */
    public String column() {
        return column;
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

    /** Its type in a CQL2 filter: the representative point is filtered as a point geometry. */
    public CqlType cqlType() {
        return type == FieldType.POSITION ? CqlType.GEOMETRY : type.cqlType();
    }

    /**
     * The place's value of this field as GeoJSON and the exports carry it: the type as its code, the
     * representative point as {longitude, latitude}, the alternate names as {@link AltName}s.
     */
    public Object value(Place place) {
        return value.apply(place);
    }
}
