package org.incidentatlas.borders;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.incidentatlas.cql.Queryable;
import org.incidentatlas.fields.FieldType;

/**
 * A border's fields, defined once and in the order every representation lists them: the GeoJSON
 * property (or the feature's geometry), the SQL column, the type and the description. The
 * queryables, the GeoJSON writer, the collection's table exports and the store's column list walk
 * this list, as do the vector tiles for the fields marked tiled. Every border field is queryable and exported.
 */
public enum BorderField {

    ID("id", "id", FieldType.TEXT, "Border id, e.g. ARM-AZE", Border::id, true),
    GEOMETRY("geometry", "geom", FieldType.GEOMETRY, "The border line or area", Border::geometry, false),
    NAME("name", "name", FieldType.TEXT, "Name", Border::name, true),
    KIND("kind", "kind", FieldType.TEXT, "international or custom", Border::kind, true),
    COUNTRY_A("country_a", "country_a", FieldType.TEXT, "One country the border separates", Border::countryA, true),
    COUNTRY_B("country_b", "country_b", FieldType.TEXT, "The other country", Border::countryB, true),
    SOURCE("source", "source", FieldType.TEXT, "Where the line comes from", Border::source, false),
    VINTAGE("vintage", "vintage", FieldType.TEXT, "Version of the source", Border::vintage, false),
    VALID_FROM("valid_from", "valid_from", FieldType.DATE, "First day the line is in force", Border::validFrom, false),
    VALID_TO("valid_to", "valid_to", FieldType.DATE, "Last day the line is in force", Border::validTo, false);

    /** The members of a feature's "properties", in order (the id is the feature's own id, not a property). */
    public static final List<BorderField> PROPERTIES = Arrays.stream(values())
            .filter(f -> f != ID && f != GEOMETRY).toList();

    /** The CQL2 queryables, one per field. */
    public static final List<Queryable> QUERYABLES = Arrays.stream(values())
            .map(f -> Queryable.of(f.property, f.type.cqlType(), f.column, f.description)).toList();

    private final String property;
    private final String column;
    private final FieldType type;
    private final String description;
    private final Function<Border, Object> value;
    private final boolean tiled;

    BorderField(String property, String column, FieldType type, String description, Function<Border, Object> value, boolean tiled) {
        this.property = property;
        this.column = column;
        this.type = type;
        this.description = description;
        this.value = value;
        this.tiled = tiled;
    }

    /** The attributes of the vector tiles (what a map's popup or style reads), in order. */
    public static List<BorderField> tiled() {
        return Arrays.stream(values()).filter(f -> f.tiled).toList();
    }

    /** Its name in GeoJSON, in filters and in the exports. */
    public String property() {
        return property;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The border's value of this field: dates as {@link java.time.LocalDate}, the geometry as JTS; null where there is none. */
    public Object value(Border border) {
        return value.apply(border);
    }
}
