package org.incidentatlas.ogcapi.export;

/** The value types the exports distinguish; values are String, Long/Integer and Double (or null). */
public enum ColumnType {
    TEXT, INTEGER, REAL
}
