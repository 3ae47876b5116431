package org.incidentatlas.ogcapi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.incidentatlas.fields.FieldType;

import org.incidentatlas.web.Link;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;

/** The parts every GeoJSON Feature the service writes shares: its geometry member, its properties as their types say, and its links. */
final class FeatureJson {

    private FeatureJson() {
    }

    /**
     * A whole Feature: its id (a number or a string), its geometry in {@code crs} with
     * {@code decimals} places, the members of "properties" that {@code properties} writes, and its links.
     */
    static void feature(JsonGenerator g, Object id, Geometry geometry, int decimals, SupportedCrs crs, List<Link> links,
                        Consumer<JsonGenerator> properties) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        if (id instanceof Number n) {
            g.writeNumberProperty("id", n.longValue());
        } else {
            g.writeStringProperty("id", (String) id);
        }
        geometry(g, geometry, decimals, crs);
        g.writeObjectPropertyStart("properties");
        properties.accept(g);
        g.writeEndObject();
        links(g, links);
        g.writeEndObject();
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
     * transformed here, one feature at a time, so collections keep streaming. A null {@code crs}
     * is the storage CRS84.
     */
    static void geometry(JsonGenerator g, Geometry geometry, int decimals, SupportedCrs crs) {
        if (crs == null) {
            geometry(g, geometry, decimals);
        } else {
            geometry(g, crs.fromStorage(geometry), crs.decimals(decimals));
        }
    }

    /** Writes one element of a LIST property (a claim, a source, an alternate name). */
    @FunctionalInterface
    interface ElementWriter {
        void write(JsonGenerator g, Object element);
    }

    /** One member of "properties", written as its field type says; the elements of a list by {@code elements}. */
    static void property(JsonGenerator g, String name, FieldType type, Object value, ElementWriter elements) {
        if (value == null) {
            g.writeNullProperty(name);
            return;
        }
        switch (type) {
            case LONG, INTEGER -> g.writeNumberProperty(name, ((Number) value).longValue());
            case NUMBER -> g.writeNumberProperty(name, (Double) value);
            case TEXT, DATE -> g.writeStringProperty(name, value.toString());
            case TIMESTAMP -> g.writeStringProperty(name, DateTimeFormatter.ISO_INSTANT.format((Instant) value));
            case POSITION -> {
                double[] position = (double[]) value;
                g.writeArrayPropertyStart(name);
                g.writeNumber(position[0]);
                g.writeNumber(position[1]);
                g.writeEndArray();
            }
            case LIST -> {
                g.writeArrayPropertyStart(name);
                for (Object element : (List<?>) value) {
                    elements.write(g, element);
                }
                g.writeEndArray();
            }
            case GEOMETRY, INTERVAL -> throw new IllegalArgumentException(name + " is not a member of properties");
        }
    }

    /** For definitions with no list fields. */
    static void noList(JsonGenerator g, Object element) {
        throw new IllegalArgumentException("no GeoJSON form for " + element.getClass());
    }

    /** Writes {@code "links": […]} unless there are none. */
    static void links(JsonGenerator g, List<Link> links) {
        if (!links.isEmpty()) {
            g.writeName("links");
            g.writePOJO(links);
        }
    }
}
