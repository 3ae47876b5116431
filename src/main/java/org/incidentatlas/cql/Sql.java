package org.incidentatlas.cql;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with the values bound to its placeholders, in order. */
public record Sql(String text, List<Object> args) {

    static Sql raw(String text) {
        return new Sql(text, List.of());
    }

    static Sql param(Object value) {
        return new Sql("?", List.of(value));
    }

    /** Concatenates strings (SQL text) and Sql pieces (text with their arguments). */
    static Sql of(Object... parts) {
        StringBuilder text = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Sql s) {
                text.append(s.text());
                args.addAll(s.args());
            } else {
                text.append(p);
            }
        }
        return new Sql(text.toString(), args);
    }

    static Sql join(String separator, List<Sql> pieces) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                parts.add(separator);
            }
            parts.add(pieces.get(i));
        }
        return of(parts.toArray());
    }
}
