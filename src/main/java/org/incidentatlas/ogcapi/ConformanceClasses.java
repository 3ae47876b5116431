package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.stream.Stream;

/** The conformance classes this service implements, as listed at {@code /conformance}. */
final class ConformanceClasses {

    static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    static final String GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    static final String HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    static final String CREATE_REPLACE_DELETE = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete";
    static final String COMMON_CORE = "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core";

    /** OGC API - Tiles 1.0: vector tiles of the collections (org.incidentatlas.tiles). */
    static final List<String> TILES = List.of(
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    static final List<String> ALL = Stream.of(
            Stream.of(COMMON_CORE, CORE, GEOJSON, HTML, OAS30, CREATE_REPLACE_DELETE),
            FilteringConformance.CLASSES.stream(), TILES.stream()).flatMap(s -> s).toList();

    private ConformanceClasses() {
    }
}
