package org.incidentatlas.ingest;

/**
 * One recognised stretch of report text: its kind, where it is, the text as written and what it
 * was resolved to (a gazetteer place id, an ISO date, a normalised actor name, a number …), or
 * null when it could not be resolved.
 */
public record Mention(MentionKind kind, Span span, String text, String resolved) {
}
