package org.incidentatlas.cql;

import java.util.List;
import java.util.Optional;

/**
 * A property a filter may name: its type and the SQL it stands for. An INTERVAL has a start and
 * an end column (the incident's first and last day); other types use {@code column} alone.
 */
public record Queryable(String name, CqlType type, String column, String endColumn, String description) {

    public static Queryable of(String name, CqlType type, String column, String description) {
        return new Queryable(name, type, column, null, description);
    }

    /** Finds {@code name} in {@code queryables}, or fails naming the ones there are. */
    public static Queryable find(List<Queryable> queryables, String name) {
        Optional<Queryable> q = queryables.stream().filter(x -> x.name().equals(name)).findFirst();
        return q.orElseThrow(() -> new CqlException("unknown property '" + name + "' in filter; the queryables are "
                + queryables.stream().map(Queryable::name).toList()));
    }
}
