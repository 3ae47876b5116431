package org.incidentatlas.ingest;

/** What a stretch of report text was recognised as. */
public enum MentionKind {
    PLACE, DATE, ACTOR, CLAIMANT, FIGURE, EVENT
}
