package org.incidentatlas.filter;

import java.time.LocalDate;

/**
 * Days from {@code start} to {@code end}, both inclusive; a null end is open ("..").
 * Incidents are coded by day, so the OGC {@code datetime} parameter is resolved to whole days.
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("interval end " + end + " is before its start " + start);
        }
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }
}
