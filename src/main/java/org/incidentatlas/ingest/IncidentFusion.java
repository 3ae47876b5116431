package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.incidentatlas.incidents.Claim;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.ReviewStatus;
import org.incidentatlas.incidents.SourceRef;
import org.incidentatlas.incidents.TextSpan;

/**
 * Builds one incident from every report event that describes it. A pure function of the set of
 * events (they are put in content order first, and every tie is broken by value), so the
 * incident is the same whichever report came first. Every source and every claim is kept; the
 * casualty figures summarise the claims.
 */
public final class IncidentFusion {

    public IncidentData fuse(List<ReportEvent> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an incident needs at least one report event");
        }
        List<ReportEvent> events = members.stream().sorted(ReportEvent.CANONICAL).toList();
        String eventType = mostCommon(events, ReportEvent::eventType,
                Comparator.comparingInt((String t) -> EventTaxonomy.eventTypes().indexOf(t)));
        List<ReportEvent> ofType = events.stream().filter(e -> e.eventType().equals(eventType)).toList();
        String subType = mostCommon(ofType, e -> e.subEventType() != null && EventTaxonomy.isSubEventTypeOf(eventType, e.subEventType()) ? e.subEventType() : null,
                Comparator.<String>naturalOrder());
        DatePrecision precision = events.stream().map(ReportEvent::datePrecision).min(Comparator.naturalOrder()).orElseThrow();
        List<ReportEvent> precise = events.stream().filter(e -> e.datePrecision() == precision).toList();
        LocalDate date = mostCommon(precise, ReportEvent::date, Comparator.<LocalDate>naturalOrder());
        LocalDate end = precise.stream().map(ReportEvent::dateEnd).filter(Objects::nonNull).filter(d -> d.isAfter(date))
                .max(Comparator.naturalOrder()).orElse(null);
        int geoPrecision = events.stream().mapToInt(e -> e.location().geoPrecision()).min().orElseThrow();
        List<ReportEvent> placed = events.stream().filter(e -> e.location().geoPrecision() == geoPrecision).toList();
        String placeId = mostCommon(placed, e -> e.location().placeId(), Comparator.<String>naturalOrder());
        ReportEvent where = placed.stream().filter(e -> e.location().placeId().equals(placeId)).findFirst().orElseThrow();
        String actor1 = mostCommon(events, ReportEvent::actor1, Comparator.<String>naturalOrder());
        String actor2 = mostCommon(events, e -> Objects.equals(e.actor2(), actor1) ? null : e.actor2(), Comparator.<String>naturalOrder());
        List<Claim> claims = claims(events);
        return new IncidentData(date, end, precision, eventType, subType, actor1, actor2, where.location(),
                ClaimSummary.fatalities(allClaims(events)), ClaimSummary.injured(allClaims(events)), claims, sources(events),
                null, ReviewStatus.EXTRACTED, confidence(events));
    }

    /** The value most events give (nulls ignored); ties go to the smallest by {@code order}. */
    private static <T> T mostCommon(List<ReportEvent> events, Function<ReportEvent, T> value, Comparator<? super T> order) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (ReportEvent e : events) {
            T v = value.apply(e);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<T, Integer> en) -> -en.getValue()).thenComparing(en -> en.getKey(), order))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Each report's claims once (one claim may back several events of the same report). */
    private static List<ExtractedClaimOf> allClaims(List<ReportEvent> events) {
        Map<String, ExtractedClaimOf> unique = new LinkedHashMap<>();
        for (ReportEvent e : events) {
            for (ExtractedClaim c : e.claims()) {
                unique.putIfAbsent(e.report().sha256() + "@" + c.span().start() + ":" + c.span().end() + ":" + c, new ExtractedClaimOf(e, c));
            }
        }
        return List.copyOf(unique.values());
    }

    private static List<Claim> claims(List<ReportEvent> events) {
        List<Claim> out = new ArrayList<>();
        for (ExtractedClaimOf x : allClaims(events)) {
            ExtractedClaim c = x.claim();
            out.add(new Claim(c.claimant() == null ? ClaimSummary.UNATTRIBUTED : c.claimant(), c.casualtySide(),
                    c.fatalitiesBest() != null ? c.fatalitiesBest() : c.fatalitiesLow(),
                    c.injuredBest() != null ? c.injuredBest() : c.injuredLow(),
                    ClaimSummary.describe(c), ReportDigest.sourceKey(x.event().report().sha256()),
                    new TextSpan(c.span().start(), c.span().end())));
        }
        return out;
    }

    private static List<SourceRef> sources(List<ReportEvent> events) {
        Map<String, List<ReportEvent>> byReport = new TreeMap<>();
        events.forEach(e -> byReport.computeIfAbsent(e.report().sha256(), k -> new ArrayList<>()).add(e));
        List<SourceRef> out = new ArrayList<>();
        byReport.forEach((sha, es) -> {
            ReportEvent.ReportMeta m = es.get(0).report();
            List<TextSpan> spans = es.stream().map(e -> new TextSpan(e.span().start(), e.span().end())).distinct()
                    .sorted(Comparator.comparingInt(TextSpan::start).thenComparingInt(TextSpan::end)).toList();
            out.add(new SourceRef(ReportDigest.sourceKey(sha), m.url(), m.outlet(), m.published(), m.title(),
                    es.get(0).key().reportId(), spans));
        });
        return out;
    }

    /** Independent reports raise confidence: 1 - Π(1 - c), to three decimals. */
    private static double confidence(List<ReportEvent> events) {
        Map<String, Double> bestPerReport = new TreeMap<>();
        events.forEach(e -> bestPerReport.merge(e.report().sha256(), clamp(e.confidence()), Math::max));
        double doubt = 1;
        for (double c : bestPerReport.values()) {
            doubt *= 1 - c;
        }
        return Math.round((1 - doubt) * 1000) / 1000.0;
    }

    private static double clamp(double c) {
        return Double.isNaN(c) ? 0 : Math.max(0, Math.min(1, c));
    }

    /** A claim with the event (and so the report) it came from. */
    record ExtractedClaimOf(ReportEvent event, ExtractedClaim claim) {
    }
}
