package org.incidentatlas.cql;

import java.util.Map;

/** The CQL2 spatial relations and the SQL/MM function both backends name them by. */
final class SpatialRelations {

    private static final Map<String, String> FUNCTIONS = Map.of("intersects", "ST_Intersects", "equals", "ST_Equals",
            "disjoint", "ST_Disjoint", "touches", "ST_Touches", "within", "ST_Within", "overlaps", "ST_Overlaps",
            "crosses", "ST_Crosses", "contains", "ST_Contains");

    private SpatialRelations() {
    }

    static String function(String relation) {
        String f = FUNCTIONS.get(relation);
        if (f == null) {
            throw new CqlException("unknown spatial function 's_" + relation + "'; the service knows "
                    + FUNCTIONS.keySet().stream().map(k -> "s_" + k).sorted().toList());
        }
        return f;
    }
}
