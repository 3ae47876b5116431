package org.incidentatlas.ogcapi;

import java.util.List;

/** The conformance classes of OGC API - Features Parts 2 (CRS) and 3 (Filtering), and of CQL2, that the service implements. */
final class FilteringConformance {

    static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
    private static final String FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

    static final List<String> CLASSES = List.of(CRS,
            FILTER + "queryables", FILTER + "filter", FILTER + "features-filter",
            CQL2 + "cql2-text", CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
            CQL2 + "case-insensitive-comparison", CQL2 + "accent-insensitive-comparison", CQL2 + "basic-spatial-functions",
            CQL2 + "basic-spatial-functions-plus", CQL2 + "spatial-functions", CQL2 + "temporal-functions",
            CQL2 + "arithmetic", CQL2 + "property-property");

    private FilteringConformance() {
    }
}
