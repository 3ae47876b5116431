package org.incidentatlas.borders;

import org.locationtech.jts.geom.Geometry;

/** A country's land polygon(s), for telling on which side of a border a point lies. */
public record Country(String iso3, String name, Geometry geometry, String source, String vintage) {
}
