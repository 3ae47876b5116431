package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.web.Link;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;

/** The parts every GeoJSON Feature the service writes shares: its geometry member and its links. */
final class FeatureJson {

    private FeatureJson() {
    }

    /**
     * Writes {@code "geometry": …} with JTS's writer: RFC 7946 longitude/latitude order and no
     * "crs" member, {@code decimals} places (7 is about a centimetre).
     */
    static void geometry(JsonGenerator g, Geometry geometry, int decimals) {
        if (geometry instanceof Point p && !p.isEmpty() && Double.isNaN(p.getCoordinate().getZ())) {
            // nearly every incident: written directly, the same text as JTS's writer gives, which builds a map, a
            // string and a number format per geometry (the larger part of a GeoJSON export's time, issue 13)
            g.writeName("geometry");
            g.writeStartObject();
            g.writeStringProperty("type", "Point");
            g.writeArrayPropertyStart("coordinates");
            g.writeNumber(ordinate(p.getX(), decimals));
            g.writeNumber(ordinate(p.getY(), decimals));
            g.writeEndArray();
            g.writeEndObject();
            return;
        }
        GeoJsonWriter writer = new GeoJsonWriter(decimals);
        writer.setEncodeCRS(false);
        g.writeName("geometry");
        g.writeRawValue(writer.write(geometry));
    }

    /**
     * An ordinate as JTS's GeoJsonWriter (1.20) writes it, so both paths give the same text: rounded half up to
     * {@code decimals} places where it is at least 0.001 and below 10^7 (a whole number without ".0"), else as Java prints it.
     */
    static String ordinate(double value, int decimals) {
        if (Math.abs(value) >= Math.pow(10, -3) && value < Math.pow(10, 7)) {
            double scale = Math.pow(10, decimals);
            double rounded = Math.floor(value * scale + 0.5) / scale;
            long whole = (long) rounded;
            return whole == rounded ? Long.toString(whole) : Double.toString(rounded);
        }
        return Double.toString(value);
    }

    /**
     * The geometry in {@code crs} (OGC API - Features Part 2), in the axis order of its definition:
     * transformed here, one feature at a time, so collections keep streaming.
     */
    static void geometry(JsonGenerator g, Geometry geometry, int decimals, SupportedCrs crs) {
        geometry(g, crs.fromStorage(geometry), crs.decimals(decimals));
    }

    /** Writes {@code "links": […]} unless there are none. */
    static void links(JsonGenerator g, List<Link> links) {
        if (!links.isEmpty()) {
            g.writeName("links");
            g.writePOJO(links);
        }
    }
}
