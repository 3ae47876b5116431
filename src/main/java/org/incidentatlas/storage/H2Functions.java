package org.incidentatlas.storage;

import org.incidentatlas.geodesy.GeodesicNearest;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

import net.sf.geographiclib.Geodesic;

/**
 * SQL functions the embedded H2 database gets (registered by a migration), where H2GIS has no
 * ellipsoidal equivalent of PostGIS's geography type.
 */
public final class H2Functions {

    private H2Functions() {
    }

    /** Geodesic distance in metres on WGS 84 from (lon, lat) to the nearest part of a geometry (0 inside a polygon). */
    public static double geodesicDistance(Geometry geometry, double lon, double lat) {
        if (geometry instanceof Point p) {
            return Geodesic.WGS84.Inverse(lat, lon, p.getY(), p.getX()).s12;
        }
        if (geometry instanceof Polygonal && geometry.covers(new GeometryFactory().createPoint(new Coordinate(lon, lat)))) {
            return 0;
        }
        return new GeodesicNearest(geometry).nearest(lon, lat).distanceM();
    }
}
