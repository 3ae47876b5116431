package org.incidentatlas.gazetteer;

/**
 * A name to find, with what helps pick among places of that name: free-text {@code context}
 * (admin names, other places mentioned nearby: "Tovuz region", "Lake Sevan"), a {@code country}
 * (ISO 3166-1 alpha-3) the answer must lie in, and a {@code near} point (lon, lat) or null.
 */
public record GeocodeQuery(String text, String context, String country, double[] near, int limit) {

    public static GeocodeQuery of(String text) {
        return new GeocodeQuery(text, null, null, null, 10);
    }

    public static GeocodeQuery of(String text, String context) {
        return new GeocodeQuery(text, context, null, null, 10);
    }
}
