package org.incidentatlas.ingest;

/** An actor named in the text: who, where, and the words used. */
record ActorMention(Actor actor, Span span, String text) {
}
