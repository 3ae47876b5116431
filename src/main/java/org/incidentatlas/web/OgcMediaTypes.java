package org.incidentatlas.web;

import org.springframework.http.MediaType;

/** Media types the OGC API standards (Features, Tiles) name. */
public final class OgcMediaTypes {

    public static final String GEOJSON_VALUE = "application/geo+json";
    public static final MediaType GEOJSON = MediaType.parseMediaType(GEOJSON_VALUE);
    public static final String OPENAPI_JSON_VALUE = "application/vnd.oai.openapi+json;version=3.0";
    /** Mapbox Vector Tiles, the encoding of OGC API - Tiles' vector tiles here. */
    public static final String MVT_VALUE = "application/vnd.mapbox-vector-tile";
    public static final MediaType MVT = MediaType.parseMediaType(MVT_VALUE);

    private OgcMediaTypes() {
    }
}
