package org.incidentatlas.borders;

import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;

/**
 * A named boundary: an international border between two countries (a MultiLineString derived
 * from their polygons) or an analyst's layer (a line of contact, a corridor, a buffer zone; lines
 * or polygons, optionally valid only between two dates).
 */
public record Border(String id, String name, String kind, String countryA, String countryB, Geometry geometry,
                     String source, String vintage, LocalDate validFrom, LocalDate validTo) {

    public static final String INTERNATIONAL = "international";
    public static final String CUSTOM = "custom";
}
