package org.incidentatlas.ingest;

/**
 * What kind of event a sentence describes, as an ACLED event type and sub-event type; {@code rank}
 * orders kinds from vague (casualties only) to specific (shelling), and {@code seizure} marks a
 * taking of positions, whose sub-type depends on whose territory it is.
 */
record EventClass(String eventType, String subEventType, int rank, boolean seizure, Span cue) {
}
