package org.incidentatlas.ingest;

import java.time.LocalDate;

import org.incidentatlas.incidents.DatePrecision;

/**
 * A date expression found in text and what it resolved to: a day or a period ({@code date} to
 * {@code end}) with its precision. {@code date} is null when the expression cannot be resolved
 * (a weekday without a publication date, "the same day" before anything is known).
 */
record DateMention(Span span, String text, LocalDate date, LocalDate end, DatePrecision precision, Kind kind) {

    enum Kind {
        /** Written out: "13 February 2024", "September 13", "in March 2022", "in 2020". */
        EXPLICIT,
        /** Relative to the publication date: "yesterday", "on Wednesday", "three days ago". */
        RELATIVE,
        /** Refers back to the last date mentioned: "on the same day". */
        SAME_DAY,
        /** Points into the past without a usable date: "last summer", "in the 1990s". */
        RETROSPECTIVE,
        /** The day before the day being told about: "a day earlier", "the previous day". */
        DAY_BEFORE,
        /** The day after it: "the next day", "the following day". */
        DAY_AFTER
    }

    boolean resolved() {
        return date != null;
    }

    LocalDate last() {
        return end != null ? end : date;
    }
}
