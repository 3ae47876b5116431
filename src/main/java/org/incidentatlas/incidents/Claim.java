package org.incidentatlas.incidents;

/**
 * What one party claimed about the incident: who said it, the figures they gave, a summary of the
 * statement in the analyst's words, and the id of the source (in the incident's sources) it came from.
 */
public record Claim(String claimant, Integer fatalities, Integer injured, String summary, String source) {
}
