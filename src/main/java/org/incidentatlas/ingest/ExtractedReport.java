package org.incidentatlas.ingest;

import java.util.List;

/** What extraction found in one report: every mention with its offsets, and the events. */
public record ExtractedReport(List<Mention> mentions, List<ExtractedEvent> events) {

    public ExtractedReport {
        mentions = List.copyOf(mentions);
        events = List.copyOf(events);
    }
}
