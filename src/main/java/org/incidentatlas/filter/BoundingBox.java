package org.incidentatlas.filter;

import java.util.List;

/**
 * A WGS 84 longitude/latitude box (west, south, east, north), checked on construction. A west edge
 * east of the east edge is a box across the antimeridian (OGC API - Features Part 1,
 * /req/core/fc-bbox-definition): {@code 177,65,-177,70} covers 177°E to 180° and -180° to 177°W.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        check("minimum longitude", minLon, 180);
        check("maximum longitude", maxLon, 180);
        check("minimum latitude", minLat, 90);
        check("maximum latitude", maxLat, 90);
        if (minLat > maxLat) {
            throw new IllegalArgumentException("minimum latitude " + minLat + " is above maximum latitude " + maxLat);
        }
    }

    /** The smallest box holding this one and {@code other} (neither across the antimeridian). */
    public BoundingBox union(BoundingBox other) {
        return new BoundingBox(Math.min(minLon, other.minLon), Math.min(minLat, other.minLat),
                Math.max(maxLon, other.maxLon), Math.max(maxLat, other.maxLat));
    }

    /** Whether the box crosses the antimeridian (its west edge lies east of its east edge). */
    public boolean crossesAntimeridian() {
        return minLon > maxLon;
    }

    /**
     * The box as boxes that do not cross the antimeridian: itself, or its part up to 180° and its
     * part from -180°. A feature matches the box when it intersects any of them.
     */
    public List<BoundingBox> parts() {
        if (!crossesAntimeridian()) {
            return List.of(this);
        }
        return List.of(new BoundingBox(minLon, minLat, 180, maxLat), new BoundingBox(-180, minLat, maxLon, maxLat));
    }

    private static void check(String what, double value, double limit) {
        if (Double.isNaN(value) || value < -limit || value > limit) {
            throw new IllegalArgumentException(what + " " + value + " is outside [-" + limit + ", " + limit + "]");
        }
    }
}
