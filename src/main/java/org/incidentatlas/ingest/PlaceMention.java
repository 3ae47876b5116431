package org.incidentatlas.ingest;

import org.incidentatlas.gazetteer.Candidate;

/**
 * A toponym found in a sentence: the span of the name itself, the span of the whole phrase with
 * its wrapper words ("in the direction of the settlement of X", "X region"), the place it was
 * resolved to, and its role in the sentence.
 */
record PlaceMention(Span span, Span phrase, String text, Candidate candidate, Role role) {

    enum Role {
        /** Where something happened (or may have). */
        LOCATION,
        /** Locates another name ("X, Syunik region", "X on Lake Sevan"): context, not a location of its own. */
        QUALIFIER,
        /** Where fire came from ("from their positions near X"): a location only when the sentence names no other. */
        ORIGIN,
        /** Where something was said ("announced in Baku"): never a location. */
        STATEMENT
    }

    PlaceMention withRole(Role r) {
        return new PlaceMention(span, phrase, text, candidate, r);
    }
}
