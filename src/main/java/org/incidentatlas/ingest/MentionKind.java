package org.incidentatlas.ingest;

/** What a stretch of report text was recognised as; DATELINE is the city a report was filed from (not an event place). */
public enum MentionKind {
    PLACE, DATE, ACTOR, CLAIMANT, FIGURE, EVENT, DATELINE
}
