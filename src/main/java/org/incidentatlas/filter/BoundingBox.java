package org.incidentatlas.filter;

/** A WGS 84 longitude/latitude box (west, south, east, north), checked on construction. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        check("minimum longitude", minLon, 180);
        check("maximum longitude", maxLon, 180);
        check("minimum latitude", minLat, 90);
        check("maximum latitude", maxLat, 90);
        if (minLat > maxLat) {
            throw new IllegalArgumentException("minimum latitude " + minLat + " is above maximum latitude " + maxLat);
        }
        if (minLon > maxLon) {
            throw new IllegalArgumentException("minimum longitude " + minLon + " is east of maximum longitude " + maxLon
                    + " (boxes across the antimeridian are not supported; the service covers the Caucasus)");
        }
    }

    private static void check(String what, double value, double limit) {
        if (Double.isNaN(value) || value < -limit || value > limit) {
            throw new IllegalArgumentException(what + " " + value + " is outside [-" + limit + ", " + limit + "]");
        }
    }
}
