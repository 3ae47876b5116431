package org.incidentatlas.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.web.ApiException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.util.FactoryException;
import org.springframework.stereotype.Component;

/**
 * The CRSs of OGC API - Features Part 2, built with Apache SIS from its own definitions (WGS 84
 * geographic in both axis orders, UTM zones) and WKT (Pseudo-Mercator), so no EPSG database is
 * needed: the EPSG data set is not under an open licence and Maven Central ships it only as a
 * separate "non-free" artifact.
 */
@Component
public class CrsRegistry {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    private static final String PSEUDO_MERCATOR_WKT = """
            PROJCRS["WGS 84 / Pseudo-Mercator",
              BASEGEOGCRS["WGS 84", DATUM["World Geodetic System 1984", ELLIPSOID["WGS 84", 6378137, 298.257223563]],
                UNIT["degree", 0.0174532925199433]],
              CONVERSION["Popular Visualisation Pseudo-Mercator", METHOD["Popular Visualisation Pseudo Mercator"],
                PARAMETER["Latitude of natural origin", 0], PARAMETER["Longitude of natural origin", 0],
                PARAMETER["False easting", 0], PARAMETER["False northing", 0]],
              CS[Cartesian, 2], AXIS["easting (X)", east], AXIS["northing (Y)", north], UNIT["metre", 1],
              ID["EPSG", 3857]]""";

    private final Map<String, SupportedCrs> byUri = new LinkedHashMap<>();

    public CrsRegistry() {
        try {
            CoordinateReferenceSystem storage = CommonCRS.WGS84.normalizedGeographic();
            add(CRS84, storage, storage);
            add(EPSG + "4326", CommonCRS.WGS84.geographic(), storage);
            add(EPSG + "3857", CRS.fromWKT(PSEUDO_MERCATOR_WKT), storage);
            // universal(lat, lon) picks the UTM zone holding the point: 38N and 39N
            add(EPSG + "32638", CommonCRS.WGS84.universal(40, 45), storage);
            add(EPSG + "32639", CommonCRS.WGS84.universal(40, 51), storage);
        } catch (FactoryException e) {
            throw new IllegalStateException("Apache SIS cannot build the supported CRSs: " + e.getMessage(), e);
        }
    }

    private void add(String uri, CoordinateReferenceSystem crs, CoordinateReferenceSystem storage) throws FactoryException {
        WKTFormat wkt = new WKTFormat();
        wkt.setConvention(Convention.WKT1_COMMON_UNITS);
        byUri.put(uri, new SupportedCrs(uri, CRS.findOperation(storage, crs, null).getMathTransform(),
                CRS.findOperation(crs, storage, null).getMathTransform(), crs instanceof ProjectedCRS,
                wkt.format(crs).replaceAll("\\s*\\n\\s*", "")));
    }

    /** The URIs, storage CRS first, as collections list them. */
    public List<String> uris() {
        return List.copyOf(byUri.keySet());
    }

    SupportedCrs storage() {
        return byUri.get(CRS84);
    }

    /**
     * The CRS a parameter names: an OGC URI, a URN (urn:ogc:def:crs:EPSG::4326), or the short forms
     * EPSG:4326, OGC:CRS84 and [EPSG:4326]; null gives the storage CRS. Anything else is a 400 naming it.
     */
    SupportedCrs resolve(String parameter, String value) {
        if (value == null) {
            return storage();
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("urn:ogc:def:crs:EPSG::")) {
            v = EPSG + v.substring("urn:ogc:def:crs:EPSG::".length());
        } else if (v.startsWith("EPSG:")) {
            v = EPSG + v.substring(5);
        } else if (v.equals("OGC:CRS84") || v.equals("CRS84") || v.equals("urn:ogc:def:crs:OGC:1.3:CRS84")) {
            v = CRS84;
        } else if (v.startsWith("https://")) {
            v = "http://" + v.substring(8);
        }
        SupportedCrs crs = byUri.get(v);
        if (crs == null) {
            throw ApiException.badParameter(parameter + " '" + value + "' is not a supported CRS; use one of " + uris());
        }
        return crs;
    }

    /**
     * A bbox given in {@code crs} as the storage box that holds it. A geographic CRS differs from
     * the storage CRS only in axis order, so its two corners are converted as they are (a west
     * corner east of the east one stays a box across the antimeridian). A projected box's edges
     * are curves in longitude/latitude: they are densified and transformed, and the envelope of
     * the result taken.
     */
    BoundingBox toStorage(double minX, double minY, double maxX, double maxY, SupportedCrs crs) {
        if (crs.isStorage()) {
            return new BoundingBox(minX, minY, maxX, maxY);
        }
        if (!crs.projected()) {
            double[] lower = crs.toStorage(minX, minY);
            double[] upper = crs.toStorage(maxX, maxY);
            return new BoundingBox(lower[0], lower[1], upper[0], upper[1]);
        }
        if (minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("the minimum (" + minX + ", " + minY + ") is above the maximum ("
                    + maxX + ", " + maxY + "); a box across the antimeridian is given in a geographic CRS");
        }
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        int steps = 32;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double x = minX + t * (maxX - minX);
            double y = minY + t * (maxY - minY);
            for (double[] edge : new double[][] {{x, minY}, {x, maxY}, {minX, y}, {maxX, y}}) {
                double[] p = crs.toStorage(edge[0], edge[1]);
                west = Math.min(west, p[0]);
                east = Math.max(east, p[0]);
                south = Math.min(south, p[1]);
                north = Math.max(north, p[1]);
            }
        }
        if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
            throw ApiException.badParameter("bbox cannot be converted from " + crs.uri());
        }
        return new BoundingBox(Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north));
    }
}
