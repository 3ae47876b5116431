package org.incidentatlas.ingest;

/**
 * Who a sentence says its facts come from: a normalised claimant name (from the actor list, or as
 * written for outlets not on it) and the span naming it; {@code anaphoric} when the sentence only
 * says "the ministry said", which refers to the last claimant named.
 */
record Attribution(String claimant, String country, Span span, boolean anaphoric) {
}
