package org.incidentatlas.incidents;

import java.util.List;

import org.incidentatlas.cql.Queryable;

/** The incident properties a CQL2 filter may name, with the columns they stand for (see {@link IncidentField}). */
public final class IncidentQueryables {

    public static final List<Queryable> ALL = IncidentSchema.QUERYABLES;

    private IncidentQueryables() {
    }
}
