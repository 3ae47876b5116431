package org.incidentatlas.fields;

import org.incidentatlas.cql.CqlType;

/**
 * The value type of a feature's field (incident, place, border), which decides how it is bound and read in SQL, written and
 * read in GeoJSON, typed in the queryables, the OpenAPI schema and the exports.
 */
public enum FieldType {
    /** A 32-bit whole number. */
    INTEGER(CqlType.INTEGER, "integer", null),
    /** The incident id, a 64-bit whole number. */
    LONG(CqlType.INTEGER, "integer", "int64"),
    NUMBER(CqlType.NUMBER, "number", "double"),
    TEXT(CqlType.STRING, "string", null),
    /** An ISO date, YYYY-MM-DD. */
    DATE(CqlType.DATE, "string", "date"),
    /** An instant, written as ISO 8601 in UTC. */
    TIMESTAMP(CqlType.TIMESTAMP, "string", "date-time"),
    /** The feature's geometry (a GeoJSON geometry, not a member of "properties"). */
    GEOMETRY(CqlType.GEOMETRY, "object", null),
    /** A position [longitude, latitude] as a property. */
    POSITION(null, "array", null),
    /** A list of objects (claims, sources), kept as JSON text in SQL and in the table exports. */
    LIST(null, "array", null),
    /** The days of the event, first to last: a filter's view of two columns, no property of its own. */
    INTERVAL(CqlType.INTERVAL, null, null);

    private final CqlType cqlType;
    private final String jsonType;
    private final String jsonFormat;

    FieldType(CqlType cqlType, String jsonType, String jsonFormat) {
        this.cqlType = cqlType;
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
    }

    /** Its type in a CQL2 filter (null: not filterable). */
    public CqlType cqlType() {
        return cqlType;
    }

    /** Its JSON-schema type ("integer", "string", …). */
    public String jsonType() {
        return jsonType;
    }

    /** Its JSON-schema format ("date", "date-time", …), or null. */
    public String jsonFormat() {
        return jsonFormat;
    }

    /** Whether it is a whole number (kept as an integer column in the table exports). */
    public boolean whole() {
        return this == INTEGER || this == LONG;
    }
}
