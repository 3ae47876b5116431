package org.incidentatlas.web;

import org.springframework.http.MediaType;

/** Media types the OGC API - Features standard names. */
public final class OgcMediaTypes {

    public static final String GEOJSON_VALUE = "application/geo+json";
    public static final MediaType GEOJSON = MediaType.parseMediaType(GEOJSON_VALUE);
    public static final String OPENAPI_JSON_VALUE = "application/vnd.oai.openapi+json;version=3.0";

    private OgcMediaTypes() {
    }
}
