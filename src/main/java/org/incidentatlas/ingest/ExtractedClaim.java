package org.incidentatlas.ingest;

/**
 * A casualty figure one party gave: who claims it (a normalised claimant, or null when the report
 * does not say), whose side the casualties were on (ISO3 or null), killed or injured figures with
 * their hedges as low/best/high, and the sentence span it came from.
 */
public record ExtractedClaim(String claimant, String casualtySide,
                             Integer fatalitiesLow, Integer fatalitiesBest, Integer fatalitiesHigh,
                             Integer injuredLow, Integer injuredBest, Integer injuredHigh,
                             Span span) {
}
