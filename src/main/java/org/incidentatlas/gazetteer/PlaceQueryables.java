package org.incidentatlas.gazetteer;

import java.util.List;

import org.incidentatlas.cql.CqlType;
import org.incidentatlas.cql.Queryable;

/** The place properties a CQL2 filter may name, with the columns they stand for. */
public final class PlaceQueryables {

    public static final List<Queryable> ALL = List.of(
            Queryable.of("id", CqlType.STRING, "id", "Gazetteer id"),
            Queryable.of("geometry", CqlType.GEOMETRY, "geom", "The place's own geometry"),
            Queryable.of("representative_point", CqlType.GEOMETRY, "point", "One point for the place"),
            Queryable.of("name", CqlType.STRING, "name", "Preferred name"),
            Queryable.of("feature_type", CqlType.STRING, "feature_type", "village, town, city, height, pass, road …"),
            Queryable.of("country", CqlType.STRING, "country", "ISO 3166-1 alpha-3 code"),
            Queryable.of("admin1", CqlType.STRING, "admin1", "First-level administrative unit"),
            Queryable.of("admin2", CqlType.STRING, "admin2", "Second-level administrative unit"),
            Queryable.of("population", CqlType.INTEGER, "population", "Population, where known"),
            Queryable.of("source", CqlType.STRING, "source", "Where the entry comes from"),
            Queryable.of("uncertainty_m", CqlType.INTEGER, "uncertainty_m",
                    "Radius in metres of the circle around the point that holds the place; null for admin units"));

    private PlaceQueryables() {
    }
}
