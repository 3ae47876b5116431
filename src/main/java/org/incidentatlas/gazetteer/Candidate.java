package org.incidentatlas.gazetteer;

/**
 * One answer to a query: the place, its score (higher is better; comparable within one query),
 * the name that matched, and the geo precision of using this place as the event's location.
 */
public record Candidate(Place place, double score, String matchedName, int geoPrecision) {
}
