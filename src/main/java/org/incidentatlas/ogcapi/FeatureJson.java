package org.incidentatlas.ogcapi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.incidentatlas.fields.FieldType;

import org.incidentatlas.web.Link;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/** The parts every GeoJSON Feature the service writes shares: its geometry member, its properties as their types say, and its links. */
final class FeatureJson {

    // member names encoded once: a name given as a String is escaped and encoded again for every feature, which
    // was the largest single cost of writing a page of incidents (docs/BENCHMARKS.md, the HTTP path)
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString FEATURE = new SerializedString("Feature");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString GEOMETRY = new SerializedString("geometry");
    private static final SerializableString POINT = new SerializedString("Point");
    private static final SerializableString COORDINATES = new SerializedString("coordinates");
    private static final SerializableString PROPERTIES = new SerializedString("properties");

    private FeatureJson() {
    }

    /** A member name encoded once, for {@link #property(JsonGenerator, SerializableString, FieldType, Object, ElementWriter)}. */
    static SerializableString name(String name) {
        return new SerializedString(name);
    }

    /**
     * A whole Feature: its id (a number or a string), its geometry in {@code crs} with
     * {@code decimals} places, the members of "properties" that {@code properties} writes, and its links.
     */
    static void feature(JsonGenerator g, Object id, Geometry geometry, int decimals, SupportedCrs crs, List<Link> links,
                        Consumer<JsonGenerator> properties) {
        g.writeStartObject();
        g.writeName(TYPE);
        g.writeString(FEATURE);
        g.writeName(ID);
        if (id instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString((String) id);
        }
        geometry(g, geometry, decimals, crs);
        g.writeName(PROPERTIES);
        g.writeStartObject();
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
            g.writeName(GEOMETRY);
            g.writeStartObject();
            g.writeName(TYPE);
            g.writeString(POINT);
            g.writeName(COORDINATES);
            g.writeStartArray();
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

    /**
     * The text {@link DateTimeFormatter#ISO_INSTANT} gives (seconds always, the fraction in groups of three digits
     * as needed), built directly for the years 0-9999: the formatter's general machinery was a tenth of the time
     * to write a page of incidents, which carry two timestamps each.
     */
    static String instant(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t);
        }
        int nano = t.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        char[] c = new char[20 + (fraction == 0 ? 0 : 1 + fraction)];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        if (fraction > 0) {
            c[19] = '.';
            digits(c, 20, nano / (int) Math.pow(10, 9 - fraction), fraction);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, from {@code at}. */
    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Writes one element of a LIST property (a claim, a source, an alternate name). */
    @FunctionalInterface
    interface ElementWriter {
        void write(JsonGenerator g, Object element);
    }

    /** One member of "properties", written as its field type says; the elements of a list by {@code elements}. */
    static void property(JsonGenerator g, String name, FieldType type, Object value, ElementWriter elements) {
        g.writeName(name);
        value(g, type, value, elements);
    }

    /** As {@link #property(JsonGenerator, String, FieldType, Object, ElementWriter)}, its name encoded once ({@link #name}). */
    static void property(JsonGenerator g, SerializableString name, FieldType type, Object value, ElementWriter elements) {
        g.writeName(name);
        value(g, type, value, elements);
    }

    private static void value(JsonGenerator g, FieldType type, Object value, ElementWriter elements) {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type) {
            case LONG, INTEGER -> g.writeNumber(((Number) value).longValue());
            case NUMBER -> g.writeNumber((Double) value);
            case TEXT, DATE -> g.writeString(value.toString());
            case TIMESTAMP -> g.writeString(instant((Instant) value));
            case POSITION -> {
                double[] position = (double[]) value;
                g.writeStartArray();
                g.writeNumber(position[0]);
                g.writeNumber(position[1]);
                g.writeEndArray();
            }
            case LIST -> {
                g.writeStartArray();
                for (Object element : (List<?>) value) {
                    elements.write(g, element);
                }
                g.writeEndArray();
            }
            case GEOMETRY, INTERVAL -> throw new IllegalArgumentException(type + " is not a member of properties");
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
