package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Report in, incidents out: stores the report, its mentions and its events, and fuses the events
 * into incidents, all in one transaction per report (a failure leaves nothing behind). The same
 * text again finds the stored report and changes nothing. Ingestions queue on one lock so that
 * each fusion sees every report stored before it.
 */
@Service
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Set<String> ISO3 = Set.of(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).toArray(String[]::new));

    private final ReportExtractor extractor;
    private final ReportStore reports;
    private final ReportEventStore events;
    private final FusionStep fusion;
    private final TransactionTemplate transaction;

    public IngestService(ReportExtractor extractor, ReportStore reports, ReportEventStore events, FusionStep fusion,
                         PlatformTransactionManager transactions) {
        this.extractor = extractor;
        this.reports = reports;
        this.events = events;
        this.fusion = fusion;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks the report (throws {@link InvalidReportException}), then ingests it. */
    public IngestResult ingest(ReportInput input) {
        ReportLimits.check(input, "");
        String sha = ReportDigest.of(input.text());
        Optional<StoredReport> known = reports.findByDigest(sha);
        if (known.isPresent()) {
            return IngestResult.duplicate(known.get());
        }
        ExtractedReport extracted = extractor.extract(input);
        try {
            return transaction.execute(status -> store(input, sha, extracted));
        } catch (DuplicateKeyException raced) {
            return reports.findByDigest(sha).map(IngestResult::duplicate).orElseThrow(() -> raced);
        }
    }

    private IngestResult store(ReportInput input, String sha, ExtractedReport extracted) {
        reports.lockFusion();
        Optional<StoredReport> raced = reports.findByDigest(sha);
        if (raced.isPresent()) {
            return IngestResult.duplicate(raced.get());
        }
        long id = reports.insert(input, sha);
        int length = input.text().length();
        reports.insertMentions(id, extracted.mentions().stream().filter(m -> m.span().end() <= length).toList());
        StoredReport report = reports.find(id).orElseThrow();
        ReportEvent.ReportMeta meta = new ReportEvent.ReportMeta(sha, input.title(), input.url(), input.outlet(),
                input.publishedAt() == null ? null : input.publishedAt().toLocalDate());
        List<ReportEvent> added = new ArrayList<>();
        for (ExtractedEvent e : extracted.events()) {
            toReportEvent(new ReportEvent.Key(id, added.size()), meta, undated(e, report), length).ifPresent(added::add);
        }
        added.forEach(events::insert);
        FusionStep.Outcome outcome = fusion.apply(added);
        return new IngestResult(report, true, outcome.created(), outcome.updated(), outcome.merged(), outcome.linked(), added.size());
    }

    /**
     * A report with no date of its own and no publication date still tells of events: they happened
     * this year, by the day it reached us at the latest. Coded as that stretch with year precision
     * and half the confidence, never as a day.
     */
    static ExtractedEvent undated(ExtractedEvent e, StoredReport report) {
        if (e.date() != null) {
            return e;
        }
        LocalDate received = report.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return new ExtractedEvent(e.eventType(), e.subEventType(), received.withDayOfYear(1), received, DatePrecision.YEAR,
                e.actor1(), e.actor2(), e.place(), e.placeSpan(), e.claims(), e.span(), e.confidence() / 2);
    }

    /** An extracted event as stored for fusion; empty when it lacks what an incident needs (a day, a place, a known type). */
    static Optional<ReportEvent> toReportEvent(ReportEvent.Key key, ReportEvent.ReportMeta meta, ExtractedEvent e, int textLength) {
        Candidate c = e.place();
        if (e.date() == null || c == null || c.place() == null || c.place().point() == null
                || e.eventType() == null || !EventTaxonomy.isEventType(e.eventType())) {
            LOG.debug("report {}: skipping an event without date, place or known type: {}", key.reportId(), e);
            return Optional.empty();
        }
        Place p = c.place();
        String country = p.country() != null && ISO3.contains(p.country()) ? p.country() : null;
        IncidentLocation location = new IncidentLocation(p.geometry() == null ? p.point() : p.geometry(), clip(p.name(), 300),
                p.id(), country, clip(p.admin1(), 200), clip(p.admin2(), 200), Math.max(1, Math.min(3, c.geoPrecision())),
                p.uncertaintyM());
        String subType = e.subEventType() != null && EventTaxonomy.isSubEventTypeOf(e.eventType(), e.subEventType()) ? e.subEventType() : null;
        DatePrecision precision = e.datePrecision() == null ? DatePrecision.DAY : e.datePrecision();
        LocalDateRange days = LocalDateRange.of(e.date(), e.dateEnd());
        Span span = within(e.span(), textLength);
        if (span == null) {
            span = within(e.placeSpan(), textLength);
        }
        List<ExtractedClaim> claims = e.claims().stream().filter(x -> x.span() != null && x.span().end() <= textLength).toList();
        return Optional.of(new ReportEvent(key, meta, null, e.eventType(), subType, days.start(), days.end(), precision,
                clip(e.actor1(), 200), clip(e.actor2(), 200), location, p.lon(), p.lat(), span == null ? new Span(0, 0) : span,
                within(e.placeSpan(), textLength), e.confidence(), claims));
    }

    private record LocalDateRange(LocalDate start, LocalDate end) {
        static LocalDateRange of(LocalDate start, LocalDate end) {
            return new LocalDateRange(start, end == null || !end.isAfter(start) ? null : end);
        }
    }

    private static Span within(Span s, int length) {
        return s == null || s.end() > length ? null : s;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
