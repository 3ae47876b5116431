package org.incidentatlas.ogcapi;

import java.util.Map;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;

/**
 * An items request once its standard parameters are parsed: bbox, datetime, page position and
 * size, and the collection-specific property filters (raw; the collection checks them).
 */
record ItemsQuery(BoundingBox bbox, DateRange dates, Map<String, String> properties, PageCursor cursor, int limit) {
}
