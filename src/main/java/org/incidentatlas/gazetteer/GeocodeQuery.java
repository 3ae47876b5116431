package org.incidentatlas.gazetteer;

/**
 * A name to find, with what helps pick among places of that name: free-text {@code context}
 * that locates it (admin names, places: "Tovuz region", "Lake Sevan"), a {@code country}
 * (ISO 3166-1 alpha-3) the answer must lie in, a {@code near} point (lon, lat) or null, and the
 * other places {@code mentioned} with it (a report's sentence), which rank candidates and confine
 * fuzzy matches but, unlike the context, never rule out an exact one: a report names both sides.
 */
public record GeocodeQuery(String text, String context, String country, double[] near, int limit, String mentioned) {

    public GeocodeQuery(String text, String context, String country, double[] near, int limit) {
        this(text, context, country, near, limit, null);
    }

    public static GeocodeQuery of(String text) {
        return new GeocodeQuery(text, null, null, null, 10);
    }

    public static GeocodeQuery of(String text, String context) {
        return new GeocodeQuery(text, context, null, null, 10);
    }

    public GeocodeQuery withLimit(int n) {
        return new GeocodeQuery(text, context, country, near, n, mentioned);
    }
}
