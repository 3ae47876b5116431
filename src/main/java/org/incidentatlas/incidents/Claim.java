package org.incidentatlas.incidents;

/**
 * What one party claimed about the incident: who said it, the figures they gave, a summary of the
 * statement in the analyst's words, the id of the source (in the incident's sources) it came from,
 * and where in that source's text the figure was read (null for hand-coded claims).
 */
public record Claim(String claimant, Integer fatalities, Integer injured, String summary, String source, TextSpan span) {

    public Claim(String claimant, Integer fatalities, Integer injured, String summary, String source) {
        this(claimant, fatalities, injured, summary, source, null);
    }
}
