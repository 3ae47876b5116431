package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.web.Link;
import org.locationtech.jts.geom.Geometry;
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
        GeoJsonWriter writer = new GeoJsonWriter(decimals);
        writer.setEncodeCRS(false);
        g.writeName("geometry");
        g.writeRawValue(writer.write(geometry));
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
