package org.incidentatlas.ogcapi.export;

/** One attribute column of an exported table. */
public record Column(String name, ColumnType type) {

    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER);
    }

    public static Column real(String name) {
        return new Column(name, ColumnType.REAL);
    }
}
