package org.incidentatlas.cql;

/** Filters on PostGIS: its ST_ relation functions consult the GiST index themselves. */
public final class PostgisCql implements CqlDialect {

    @Override
    public Sql spatial(String relation, Sql left, Sql right) {
        return Sql.of(SpatialRelations.function(relation), "(", left, ", ", right, ")");
    }

    @Override
    public Sql integerDivision(Sql left, Sql right) {
        return Sql.of("div(CAST(", left, " AS numeric), CAST(", right, " AS numeric))");
    }
}
