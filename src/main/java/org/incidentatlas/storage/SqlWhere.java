package org.incidentatlas.storage;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause under construction: conditions joined by AND, with their bound values in order. */
public record SqlWhere(List<String> conditions, List<Object> args) {

    public static final SqlWhere NONE = new SqlWhere(List.of(), List.of());

    public SqlWhere and(String condition, Object... values) {
        List<String> c = new ArrayList<>(conditions);
        c.add(condition);
        List<Object> a = new ArrayList<>(args);
        a.addAll(List.of(values));
        return new SqlWhere(c, a);
    }

    /** Adds "column = value" unless the value is null (no constraint). */
    public SqlWhere equal(String column, Object value) {
        return value == null ? this : and(column + " = ?", value);
    }

    /** "?, ?, ?": n placeholders for an IN list. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
