package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.List;

import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.IncidentLocation;

/**
 * One report's stored account of one event, the unit fusion works on: which report (with the
 * metadata its source entry needs) and where in it, what happened, where (with the representative
 * point distances are measured from), its claims, and the incident it is part of (null: none yet).
 */
public record ReportEvent(Key key, ReportMeta report, Long incidentId,
                          String eventType, String subEventType, LocalDate date, LocalDate dateEnd, DatePrecision datePrecision,
                          String actor1, String actor2, IncidentLocation location, double lon, double lat,
                          Span span, Span placeSpan, double confidence, List<ExtractedClaim> claims) {

    public ReportEvent {
        claims = List.copyOf(claims);
    }

    /** Identifies an event: its report and its position in that report's extraction. */
    public record Key(long reportId, int seq) {
    }

    /** What a source entry says about the report. */
    public record ReportMeta(String sha256, String title, String url, String outlet, LocalDate published) {
    }

    public LocalDate lastDay() {
        return dateEnd == null ? date : dateEnd;
    }

    /** Content-based order (report digest, then position): the same in every database, whatever the ingestion order. */
    public static final java.util.Comparator<ReportEvent> CANONICAL =
            java.util.Comparator.comparing((ReportEvent e) -> e.report().sha256()).thenComparingInt(e -> e.key().seq());
}
