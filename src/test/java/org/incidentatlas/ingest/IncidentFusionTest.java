package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.incidentatlas.incidents.Casualties;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.incidents.ReviewStatus;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The pure parts of fusion: the same-event rule, the fused incident and the claim summary. */
class IncidentFusionTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final LocalDate DAY = LocalDate.of(2022, 9, 13);

    private static ReportEvent event(String sha, int seq, String type, LocalDate date, DatePrecision precision, String placeId,
                                     double lon, double lat, int geoPrecision, double confidence, ExtractedClaim... claims) {
        IncidentLocation where = new IncidentLocation(WGS84.createPoint(new Coordinate(lon, lat)), placeId, placeId, "ARM", "Syunik", null,
                geoPrecision);
        return new ReportEvent(new ReportEvent.Key(sha.hashCode() & 0xffff, seq),
                new ReportEvent.ReportMeta(sha.repeat(32), "t-" + sha, null, "Wire " + sha, DAY), null, type, null, date, null, precision,
                "Military Forces of Azerbaijan (2003-)", null, where, lon, lat, new Span(seq, seq + 5), null, confidence, List.of(claims));
    }

    private static ExtractedClaim killed(String claimant, String side, Integer low, Integer best, Integer high, int at) {
        return new ExtractedClaim(claimant, side, low, best, high, null, null, null, new Span(at, at + 1));
    }

    @Test
    void theSameEventIsSameOrAdjacentDayNearbyAndCompatibleType() {
        FusionRule rule = new FusionRule();
        ReportEvent goris = event("a", 0, EventTaxonomy.EXPLOSIONS, DAY, DatePrecision.DAY, "goris", 46.3417, 39.5111, 1, 0.5);
        assertThat(rule.sameEvent(goris, event("b", 0, EventTaxonomy.BATTLES, DAY.plusDays(1), DatePrecision.DAY, "x", 46.36, 39.52, 1, 0.5)))
                .as("2 km away, next day, clash vs shelling").isTrue();
        assertThat(rule.sameEvent(goris, event("b", 0, EventTaxonomy.EXPLOSIONS, DAY.plusDays(2), DatePrecision.DAY, "goris", 46.3417,
                39.5111, 1, 0.5))).as("two days later").isFalse();
        assertThat(rule.sameEvent(goris, event("b", 0, EventTaxonomy.EXPLOSIONS, DAY, DatePrecision.DAY, "kapan", 46.4058, 39.2076, 1, 0.5)))
                .as("Kapan, 34 km away").isFalse();
        assertThat(rule.sameEvent(goris, event("b", 0, EventTaxonomy.PROTESTS, DAY, DatePrecision.DAY, "goris", 46.3417, 39.5111, 1, 0.5)))
                .as("a protest is not a shelling").isFalse();
        assertThat(rule.sameEvent(goris, event("b", 0, EventTaxonomy.EXPLOSIONS, DAY.withDayOfMonth(1), DatePrecision.MONTH, "goris",
                46.3417, 39.5111, 1, 0.5))).as("'in September' is not that day").isFalse();
    }

    @Test
    void theFusedIncidentDoesNotDependOnTheOrderOfItsEvents() {
        List<ReportEvent> events = new ArrayList<>(List.of(
                event("c3", 0, EventTaxonomy.EXPLOSIONS, DAY, DatePrecision.DAY, "goris", 46.3417, 39.5111, 1, 0.6,
                        killed("Ministry of Defence of Armenia", "ARM", null, 2, null, 10)),
                event("a1", 1, EventTaxonomy.BATTLES, DAY.plusDays(1), DatePrecision.DAY, "goris-area", 46.35, 39.52, 2, 0.3,
                        killed("Ministry of Defence of Azerbaijan", "AZE", null, 1, null, 20)),
                event("b2", 0, EventTaxonomy.EXPLOSIONS, DAY, DatePrecision.DAY, "goris", 46.3417, 39.5111, 1, 0.5,
                        killed(null, "ARM", 3, null, 4, 30), killed("Agency", null, null, 10, null, 40))));
        IncidentFusion fusion = new IncidentFusion();
        IncidentData first = fusion.fuse(events);
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(fusion.fuse(events)).isEqualTo(first);
        }
        assertThat(first.status()).isEqualTo(ReviewStatus.EXTRACTED);
        assertThat(first.eventType()).isEqualTo(EventTaxonomy.EXPLOSIONS);
        assertThat(first.eventDate()).isEqualTo(DAY);
        assertThat(first.location().placeId()).isEqualTo("goris");
        assertThat(first.sources()).hasSize(3);
        assertThat(first.claims()).hasSize(4);
        assertThat(first.claims()).allSatisfy(c -> assertThat(first.sources().stream().anyMatch(s -> s.id().equals(c.source()))).isTrue());
        // ARM: 2 or "3-4" (median 2, range 2..4) + AZE: 1 = 3 (3..5); the unsided "10" widens the range
        assertThat(first.fatalities()).isEqualTo(new Casualties(3, 3, 10));
        // 1 - (1-0.6)(1-0.3)(1-0.5)
        assertThat(first.confidence()).isEqualTo(0.86);
    }

    @Test
    void claimsInWords() {
        assertThat(ClaimSummary.describe(killed("x", "ARM", 2, null, null, 0))).isEqualTo("at least 2 killed (ARM side)");
        assertThat(ClaimSummary.describe(killed("x", null, null, null, 50, 0))).isEqualTo("up to 50 killed");
        assertThat(ClaimSummary.describe(killed("x", null, 3, 4, 5, 0))).isEqualTo("3-5 killed");
        assertThat(ClaimSummary.describe(new ExtractedClaim("x", null, null, 4, null, null, 1, null, new Span(0, 1))))
                .isEqualTo("4 killed, 1 injured");
    }
}
