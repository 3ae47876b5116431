package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.List;

import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.incidents.DatePrecision;

/**
 * One event at one location on one day (or over a coarser period) as read from a report, ready to
 * become an incident: ACLED event and sub-event type, the day and its precision, the normalised
 * actors, the resolved place with the span that named it, the claims, the sentence span the event
 * was read from and the extractor's confidence in [0, 1].
 * <p>
 * {@code date}, {@code dateEnd} and {@code datePrecision} are all null when neither the report nor
 * its publication date gives a usable date (no day is ever invented); a period ("since Monday",
 * "in March 2022", a report that only gives its publication week) has a {@code dateEnd} and a
 * coarser precision. {@code actor1}/{@code actor2} are names from {@code geodata/actors/actors.tsv}
 * or null.
 */
public record ExtractedEvent(String eventType, String subEventType,
                             LocalDate date, LocalDate dateEnd, DatePrecision datePrecision,
                             String actor1, String actor2,
                             Candidate place, Span placeSpan,
                             List<ExtractedClaim> claims,
                             Span span, double confidence) {

    public ExtractedEvent {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
