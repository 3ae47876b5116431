package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.incidentatlas.gazetteer.LiveGazetteer;
import org.incidentatlas.gazetteer.PlaceCorrection;
import org.incidentatlas.gazetteer.PlaceCorrectionStore;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.incidents.IncidentValidator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places a stored report's events again after analysts corrected the gazetteer. The report is read
 * again by the current extractor; an event it had is replaced by the new reading of the same text
 * only when it was placed by a fallback (geo precision 3: the province or larger) or at a place an
 * analyst corrected or withdrew — events at places nobody touched stay as they were. Events of
 * incidents an analyst reviewed or rejected never move. The incidents that lose an event are
 * rebuilt from the rest (or deleted when none is left); the new events go through fusion like a
 * new report's. One transaction per report, under the ingestion lock.
 */
@Service
public class Regeocoding {

    /** What re-geocoding a report changed. */
    public record Outcome(long reportId, int eventsReplaced, List<Long> created, List<Long> updated, List<Long> deleted,
                          List<Long> keptReviewed) {
    }

    private final ReportExtractor extractor;
    private final ReportStore reports;
    private final ReportEventStore events;
    private final IncidentStore incidents;
    private final FusionStep fusion;
    private final IncidentValidator validator;
    private final LiveGazetteer gazetteer;
    private final PlaceCorrectionStore corrections;
    private final TransactionTemplate transaction;
    private final IncidentFusion rebuild = new IncidentFusion();

    public Regeocoding(ReportExtractor extractor, ReportStore reports, ReportEventStore events, IncidentStore incidents,
                       FusionStep fusion, IncidentValidator validator, LiveGazetteer gazetteer, PlaceCorrectionStore corrections,
                       PlatformTransactionManager transactions) {
        this.extractor = extractor;
        this.reports = reports;
        this.events = events;
        this.incidents = incidents;
        this.fusion = fusion;
        this.validator = validator;
        this.gazetteer = gazetteer;
        this.corrections = corrections;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Re-geocodes one report; empty when there is no such report. */
    public Optional<Outcome> report(long reportId) {
        Optional<StoredReport> report = reports.find(reportId);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Set<String> corrected = correctedIds();
        ExtractedReport extracted = extractor.extract(input(report.get()));
        return Optional.ofNullable(transaction.execute(status -> apply(report.get(), extracted, corrected)));
    }

    /** Re-geocodes every report, one transaction each; the outcomes of those that changed. */
    public List<Outcome> all() {
        Set<String> corrected = correctedIds();
        List<Outcome> changed = new ArrayList<>();
        for (long id : reports.ids()) {
            reports.find(id).ifPresent(r -> {
                ExtractedReport extracted = extractor.extract(input(r));
                Outcome o = transaction.execute(status -> apply(r, extracted, corrected));
                if (o != null && (o.eventsReplaced() > 0 || !o.keptReviewed().isEmpty())) {
                    changed.add(o);
                }
            });
        }
        return changed;
    }

    private Set<String> correctedIds() {
        Set<String> ids = new HashSet<>();
        corrections.all().stream().map(PlaceCorrection::id).forEach(ids::add);
        return ids;
    }

    private static ReportInput input(StoredReport r) {
        return new ReportInput(r.text(), r.title(), r.url(), r.outlet(), r.publishedAt(), r.language());
    }

    private Outcome apply(StoredReport report, ExtractedReport extracted, Set<String> corrected) {
        reports.lockFusion();
        List<ReportEvent> old = events.ofReport(report.id());
        ReportEvent.ReportMeta meta = new ReportEvent.ReportMeta(report.contentSha256(), report.title(), report.url(),
                report.outlet(), report.publishedAt() == null ? null : report.publishedAt().toLocalDate());
        int length = report.text().length();
        int nextSeq = old.stream().mapToInt(e -> e.key().seq()).max().orElse(-1) + 1;

        Set<Long> owned = new TreeSet<>();
        List<ReportEvent> fresh = new ArrayList<>();
        Set<ReportEvent.Key> superseded = new HashSet<>();
        Set<ReportEvent.Key> replaceable = new HashSet<>();
        for (ReportEvent o : old) {
            if (ownedByAnalyst(o)) {
                owned.add(o.incidentId());
            } else if (movable(o, corrected)) {
                replaceable.add(o.key());
            }
        }
        for (ExtractedEvent e : extracted.events()) {
            Optional<ReportEvent> candidate = IngestService.toReportEvent(new ReportEvent.Key(report.id(), nextSeq + fresh.size()),
                    meta, IngestService.undated(e, report), length);
            if (candidate.isEmpty()) {
                continue;
            }
            ReportEvent n = candidate.get();
            List<ReportEvent> same = old.stream().filter(o -> overlaps(o.span(), n.span())).toList();
            boolean keepOld = same.stream().anyMatch(o -> !replaceable.contains(o.key()))
                    || (same.size() == 1 && unchanged(same.get(0), n));
            if (keepOld) {
                continue;
            }
            same.forEach(o -> superseded.add(o.key()));
            fresh.add(n);
        }
        // an event at a withdrawn or corrected place that the new reading no longer places goes too
        for (ReportEvent o : old) {
            if (replaceable.contains(o.key()) && !superseded.contains(o.key()) && gazetteer.current().place(o.location().placeId()).isEmpty()) {
                superseded.add(o.key());
            }
        }
        if (superseded.isEmpty() && fresh.isEmpty()) {
            return new Outcome(report.id(), 0, List.of(), List.of(), List.of(), List.copyOf(owned));
        }
        Set<Long> touched = new TreeSet<>();
        old.stream().filter(o -> superseded.contains(o.key())).map(ReportEvent::incidentId).filter(Objects::nonNull).forEach(touched::add);
        events.delete(superseded);
        List<Long> updated = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        for (long id : touched) {
            if (incidents.find(id).isEmpty()) {
                continue; // deleted by an analyst meanwhile: nothing to rebuild
            }
            List<ReportEvent> rest = events.ofIncident(id);
            if (rest.isEmpty()) {
                incidents.delete(id, null);
                deleted.add(id);
            } else {
                IncidentData data = rebuild.fuse(rest);
                validator.check(data);
                incidents.update(id, data, null);
                updated.add(id);
            }
        }
        fresh.forEach(events::insert);
        FusionStep.Outcome fused = fusion.apply(fresh);
        reports.replaceMentions(report.id(), extracted.mentions().stream().filter(m -> m.span().end() <= length).toList());
        Set<Long> allUpdated = new TreeSet<>(updated);
        allUpdated.addAll(fused.updated());
        allUpdated.addAll(fused.linked());
        allUpdated.removeAll(fused.created());
        List<Long> gone = new ArrayList<>(deleted);
        gone.addAll(fused.merged());
        allUpdated.removeAll(gone);
        return new Outcome(report.id(), superseded.size(), fused.created(), List.copyOf(allUpdated), List.copyOf(gone), List.copyOf(owned));
    }

    private boolean ownedByAnalyst(ReportEvent e) {
        if (e.incidentId() == null) {
            return false;
        }
        return incidents.find(e.incidentId()).map(Incident::data).map(d -> d.status().ownedByAnalyst()).orElse(false);
    }

    /** Placed by a fallback (province or larger), or at a place analysts corrected or withdrew. */
    private static boolean movable(ReportEvent e, Set<String> corrected) {
        return e.location().geoPrecision() >= 3 || (e.location().placeId() != null && corrected.contains(e.location().placeId()));
    }

    private static boolean unchanged(ReportEvent o, ReportEvent n) {
        return Objects.equals(o.location().placeId(), n.location().placeId()) && o.location().geoPrecision() == n.location().geoPrecision()
                && Objects.equals(o.location().uncertaintyM(), n.location().uncertaintyM())
                && o.location().geometry().equalsExact(n.location().geometry())
                && o.date().equals(n.date()) && o.eventType().equals(n.eventType());
    }

    private static boolean overlaps(Span a, Span b) {
        return a != null && b != null && a.start() < b.end() && b.start() < a.end();
    }
}
