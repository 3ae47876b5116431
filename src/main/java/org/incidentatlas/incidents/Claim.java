package org.incidentatlas.incidents;

/**
 * What one party claimed about the incident: who said it, whose losses its figures count (the
 * side, ISO3; null when the claim does not say), the figures they gave, a summary of the statement
 * in the analyst's words, the id of the source (in the incident's sources) it came from, and where
 * in that source's text the figure was read (null for hand-coded claims). Claimant and side are
 * kept apart because each party mostly reports its own losses, and sometimes the other side's:
 * different sides' losses add up, two claimants' figures for the same side are alternatives.
 */
public record Claim(String claimant, String side, Integer fatalities, Integer injured, String summary, String source, TextSpan span) {

    public Claim(String claimant, Integer fatalities, Integer injured, String summary, String source) {
        this(claimant, null, fatalities, injured, summary, source, null);
    }
}
