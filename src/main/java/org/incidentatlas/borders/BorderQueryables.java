package org.incidentatlas.borders;

import java.util.List;

import org.incidentatlas.cql.CqlType;
import org.incidentatlas.cql.Queryable;

/** The border properties a CQL2 filter may name, with the columns they stand for. */
public final class BorderQueryables {

    public static final List<Queryable> ALL = List.of(
            Queryable.of("id", CqlType.STRING, "id", "Border id, e.g. ARM-AZE"),
            Queryable.of("geometry", CqlType.GEOMETRY, "geom", "The border line or area"),
            Queryable.of("name", CqlType.STRING, "name", "Name"),
            Queryable.of("kind", CqlType.STRING, "kind", "international or custom"),
            Queryable.of("country_a", CqlType.STRING, "country_a", "One country the border separates"),
            Queryable.of("country_b", CqlType.STRING, "country_b", "The other country"),
            Queryable.of("source", CqlType.STRING, "source", "Where the line comes from"),
            Queryable.of("vintage", CqlType.STRING, "vintage", "Version of the source"),
            Queryable.of("valid_from", CqlType.DATE, "valid_from", "First day the line is in force"),
            Queryable.of("valid_to", CqlType.DATE, "valid_to", "Last day the line is in force"));

    private BorderQueryables() {
    }
}
