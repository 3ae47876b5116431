package org.incidentatlas.cql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Reading of literal values shared by the text and JSON encodings. */
final class Literals {

    private Literals() {
    }

    static Expression.Date date(String value) {
        try {
            return new Expression.Date(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new CqlException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    static Expression.Timestamp timestamp(String value) {
        try {
            return new Expression.Timestamp(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new CqlException("'" + value + "' is not an RFC 3339 timestamp such as 2022-09-13T04:00:00Z");
        }
    }

    /** An interval end: "..", a date or a timestamp. */
    static Expression intervalBound(String value) {
        if (value.equals("..")) {
            return null;
        }
        return value.length() == 10 ? date(value) : timestamp(value);
    }

    /**
     * BBOX(minx, miny, maxx, maxy) or the 6-number form with heights, as a polygon. A first x above
     * the second is a box across the antimeridian (as in the bbox parameter): the two boxes on
     * either side of it, as a multipolygon.
     */
    static Geometry bbox(List<Double> n, GeometryFactory geometries, boolean latitudeFirst) {
        if (n.size() != 4 && n.size() != 6) {
            throw new CqlException("BBOX takes 4 numbers (or 6 with heights); got " + n.size());
        }
        int half = n.size() / 2;
        double west = n.get(latitudeFirst ? 1 : 0);
        double south = n.get(latitudeFirst ? 0 : 1);
        double east = n.get(latitudeFirst ? half + 1 : half);
        double north = n.get(latitudeFirst ? half : half + 1);
        if (south > north) {
            throw new CqlException("BBOX minimum latitude is above its maximum: " + n);
        }
        List<double[]> longitudes = new ArrayList<>();
        if (west > east) {
            if (west > 180 || east < -180) {
                throw new CqlException("BBOX across the antimeridian needs longitudes within [-180, 180]: " + n);
            }
            longitudes.add(new double[] {west, 180});
            longitudes.add(new double[] {-180, east});
        } else {
            longitudes.add(new double[] {west, east});
        }
        // the boxes in the filter CRS's own axis order, which toStorage then brings to longitude/latitude;
        // toGeometry gives a line or point for an edge on the antimeridian itself
        List<Geometry> boxes = new ArrayList<>();
        for (double[] lon : longitudes) {
            boxes.add(geometries.toGeometry(latitudeFirst ? new Envelope(south, north, lon[0], lon[1])
                    : new Envelope(lon[0], lon[1], south, north)));
        }
        return boxes.size() == 1 ? boxes.get(0) : geometries.buildGeometry(boxes);
    }

}
