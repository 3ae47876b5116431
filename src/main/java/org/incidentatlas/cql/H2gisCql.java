package org.incidentatlas.cql;

/**
 * Filters on H2GIS: H2 uses a spatial index only for the {@code &&} operator, so every relation
 * that implies overlapping envelopes is preceded by it.
 */
public final class H2gisCql implements CqlDialect {

    @Override
    public Sql spatial(String relation, Sql left, Sql right) {
        Sql exact = Sql.of(SpatialRelations.function(relation), "(", left, ", ", right, ")");
        if (relation.equals("disjoint")) {
            return exact;
        }
        return Sql.of("(", left, " && ", right, " AND ", exact, ")");
    }

    @Override
    public Sql integerDivision(Sql left, Sql right) {
        return Sql.of("CAST(FLOOR(CAST(", left, " AS DOUBLE PRECISION) / ", right, ") AS BIGINT)");
    }
}
