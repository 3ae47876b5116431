package org.incidentatlas.cql;

import java.util.Locale;

/** The value types a queryable or an expression can have; they decide which comparisons make sense. */
public enum CqlType {
    STRING, NUMBER, INTEGER, BOOLEAN, DATE, TIMESTAMP, INTERVAL, GEOMETRY;

    boolean numeric() {
        return this == NUMBER || this == INTEGER;
    }

    boolean temporal() {
        return this == DATE || this == TIMESTAMP || this == INTERVAL;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
