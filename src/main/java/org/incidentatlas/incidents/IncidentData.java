package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.util.List;

/** Everything an analyst codes about one event at one location (on one day, or over several). */
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
        String notes) {

    public IncidentData {
        claims = claims == null ? List.of() : List.copyOf(claims);
        sources = sources == null ? List.of() : List.copyOf(sources);
        fatalities = fatalities == null ? Casualties.UNKNOWN : fatalities;
        injured = injured == null ? Casualties.UNKNOWN : injured;
    }

    /** Last day of the event (the start day for single-day events). */
    public LocalDate lastDay() {
        return eventDateEnd == null ? eventDate : eventDateEnd;
    }
}
