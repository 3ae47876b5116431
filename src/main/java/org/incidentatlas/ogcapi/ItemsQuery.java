package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.Map;

import org.incidentatlas.cql.Expression;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;

/**
 * An items request once its standard parameters are parsed: bbox (in storage CRS84), datetime,
 * page position and size, the collection-specific property filters (raw; the collection checks
 * them), the CRS to answer in, the CQL2 filter (null: none) and the properties to return (null: all).
 */
record ItemsQuery(BoundingBox bbox, DateRange dates, Map<String, String> properties, PageCursor cursor, int limit,
                  SupportedCrs crs, Expression filter, List<String> select) {
}
