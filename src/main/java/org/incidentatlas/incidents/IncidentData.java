package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an analyst codes about one event at one location (on one day, or over several), with
 * its review state and, for extracted incidents, the pipeline's confidence in [0, 1].
 */
public record IncidentData(
        LocalDate eventDate,
        LocalDate eventDateEnd,
        DatePrecision datePrecision,
        String eventType,
        String subEventType,
        String actor1,
        String actor2,
        IncidentLocation location,
        Casualties fatalities,
        Casualties injured,
        List<Claim> claims,
        List<SourceRef> sources,
        String notes,
        ReviewStatus status,
        Double confidence) {

    /** A hand-coded incident: reviewed, no extraction confidence. */
    public IncidentData(LocalDate eventDate, LocalDate eventDateEnd, DatePrecision datePrecision, String eventType,
                        String subEventType, String actor1, String actor2, IncidentLocation location,
                        Casualties fatalities, Casualties injured, List<Claim> claims, List<SourceRef> sources, String notes) {
        this(eventDate, eventDateEnd, datePrecision, eventType, subEventType, actor1, actor2, location, fatalities,
                injured, claims, sources, notes, ReviewStatus.REVIEWED, null);
    }

    public IncidentData {
        status = status == null ? ReviewStatus.REVIEWED : status;
        claims = claims == null ? List.of() : List.copyOf(claims);
        sources = sources == null ? List.of() : List.copyOf(sources);
        fatalities = fatalities == null ? Casualties.UNKNOWN : fatalities;
        injured = injured == null ? Casualties.UNKNOWN : injured;
    }

    public IncidentData withStatus(ReviewStatus newStatus) {
        return new IncidentData(eventDate, eventDateEnd, datePrecision, eventType, subEventType, actor1, actor2, location,
                fatalities, injured, claims, sources, notes, newStatus, confidence);
    }

    /** Last day of the event (the start day for single-day events). */
    public LocalDate lastDay() {
        return eventDateEnd == null ? eventDate : eventDateEnd;
    }
}
