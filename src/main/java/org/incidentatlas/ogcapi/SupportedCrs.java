package org.incidentatlas.ogcapi;

import org.incidentatlas.web.ApiException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * A coordinate reference system the API serves and accepts: its OGC URI, and the Apache SIS
 * transforms between it and the storage CRS (CRS84, longitude/latitude). Coordinates keep the
 * axis order of the CRS's definition: EPSG:4326 is latitude first, as OGC API - Features Part 2
 * requires. {@code wkt1} is its definition in WKT 1, as GeoPackage files carry it.
 */
record SupportedCrs(String uri, MathTransform fromStorage, MathTransform toStorage, boolean projected, String wkt1) {

    boolean isStorage() {
        return fromStorage.isIdentity();
    }

    /** A geographic CRS whose first axis is latitude (EPSG:4326): a position (a, b) is (b, a) in storage. */
    boolean latitudeFirst() {
        if (projected || isStorage()) {
            return false;
        }
        double[] p = toStorage(10, 20);
        return Math.abs(p[0] - 20) < 1e-9 && Math.abs(p[1] - 10) < 1e-9;
    }

    /** Decimal places that keep about a millimetre (metres) or a centimetre (degrees, {@code geographic}). */
    int decimals(int geographic) {
        return projected ? 3 : geographic;
    }

    /** The geometry in this CRS, coordinate by coordinate (a copy; the stored geometry is untouched). */
    Geometry fromStorage(Geometry g) {
        return transform(g, fromStorage);
    }

    /** A geometry given in this CRS, in storage longitude/latitude. */
    Geometry toStorage(Geometry g) {
        return transform(g, toStorage);
    }

    /** One position in this CRS, in storage longitude/latitude. */
    double[] toStorage(double x, double y) {
        double[] p = {x, y};
        try {
            toStorage.transform(p, 0, p, 0, 1);
        } catch (TransformException e) {
            throw ApiException.badParameter("(" + x + ", " + y + ") cannot be converted from " + uri + ": " + e.getMessage());
        }
        return p;
    }

    private static Geometry transform(Geometry g, MathTransform transform) {
        if (transform.isIdentity()) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            private final double[] p = new double[2];

            @Override
            public void filter(CoordinateSequence seq, int i) {
                p[0] = seq.getX(i);
                p[1] = seq.getY(i);
                try {
                    transform.transform(p, 0, p, 0, 1);
                } catch (TransformException e) {
                    throw new IllegalArgumentException("a position cannot be converted: " + e.getMessage(), e);
                }
                seq.setOrdinate(i, 0, p[0]);
                seq.setOrdinate(i, 1, p[1]);
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
        return copy;
    }
}
