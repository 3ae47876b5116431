package org.incidentatlas.cql;

import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.SqlDialect;

/** The SQL of a filter that differs between PostGIS and H2GIS; one implementation per backend. */
public interface CqlDialect {

    /** A geometry parameter bound as WKB in the storage CRS. */
    default String geometryParameter() {
        return "ST_GeomFromWKB(?, " + SqlDialect.SRID + ")";
    }

    /** {@code relation} (intersects, within …) between two geometry expressions. */
    Sql spatial(String relation, Sql left, Sql right);

    /** Integer division (CQL2 {@code div}). */
    Sql integerDivision(Sql left, Sql right);

    /** The CQL of the backend the SQL dialect is for. */
    static CqlDialect of(SqlDialect dialect) {
        return of(dialect.backend());
    }

    static CqlDialect of(DatabaseBackend backend) {
        return switch (backend) {
            case POSTGIS -> new PostgisCql();
            case H2GIS -> new H2gisCql();
        };
    }
}
