package org.incidentatlas.gazetteer;

/**
 * One answer to a query: the place; its score in [0, 1], how well the name matched (1 for an
 * exact match; for a fuzzy or partial one the share of the name that agrees, comparable with the
 * gazetteer's fuzzy threshold); the name that matched; the geo precision of using this place as
 * the event's location; and the kind of match. Candidates are ordered by score and context
 * together, so a better-placed candidate may come before one with a higher score.
 */
public record Candidate(Place place, double score, String matchedName, int geoPrecision, MatchKind match) {

    public boolean exact() {
        return match == MatchKind.EXACT;
    }

    public Candidate withGeoPrecision(int precision) {
        return new Candidate(place, score, matchedName, precision, match);
    }
}
