package org.incidentatlas.geodesy;

/** The point of a border nearest to a location, and the geodesic distance to it in metres (WGS 84). */
public record NearestPoint(double distanceM, double lon, double lat) {
}
