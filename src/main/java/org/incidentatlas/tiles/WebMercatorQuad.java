package org.incidentatlas.tiles;

import org.incidentatlas.filter.BoundingBox;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The OGC WebMercatorQuad tile matrix set (EPSG:3857, spherical Mercator, one tile at zoom 0,
 * rows counted from the north): tile envelopes in metres and back to longitude/latitude.
 */
public final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    /** Deepest zoom served; beyond it features are no more precise, only the tiles smaller. */
    static final int MAX_ZOOM = 22;
    /** Half the side of the square world, metres (pi times the sphere's radius). */
    public static final double HALF_WORLD = Math.PI * 6378137.0;
    private static final double RADIUS = 6378137.0;

    private WebMercatorQuad() {
    }

    /** The tile's envelope in EPSG:3857 metres. */
    public static Envelope envelope(TileCoordinates t) {
        double size = 2 * HALF_WORLD / (1L << t.zoom());
        double minX = -HALF_WORLD + t.col() * size;
        double maxY = HALF_WORLD - t.row() * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The longitude/latitude box holding the envelope grown by {@code margin} of its side on each side. */
    static BoundingBox lonLat(Envelope e, double margin) {
        double grow = e.getWidth() * margin;
        double minY = Math.max(-HALF_WORLD, e.getMinY() - grow);
        double maxY = Math.min(HALF_WORLD, e.getMaxY() + grow);
        double minX = Math.max(-HALF_WORLD, e.getMinX() - grow);
        double maxX = Math.min(HALF_WORLD, e.getMaxX() + grow);
        // the world's edges come back a rounding past +-180 degrees: kept inside
        return new BoundingBox(Math.max(-180, lon(minX)), lat(minY), Math.min(180, lon(maxX)), lat(maxY));
    }

    static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        // clamped to the square world, as EPSG:3857 is
        double clamped = Math.max(-85.0511287798066, Math.min(85.0511287798066, lat));
        return RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
    }

    /** A copy of the geometry with its longitude/latitude brought to EPSG:3857 metres. */
    public static Geometry mercator(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, x(seq.getX(i)));
                seq.setOrdinate(i, 1, y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
