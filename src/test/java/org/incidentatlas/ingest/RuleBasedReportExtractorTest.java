package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.junit.jupiter.api.Test;

/** The whole extraction on reports the team wrote for the purpose. */
class RuleBasedReportExtractorTest {

    private static final String FIVE_VILLAGES = """
            Azerbaijani forces shell Armenian border villages

            Azerbaijani artillery and drones struck Sotk, Kut, Verin Shorzha, Jermuk and Kapan early on Tuesday, \
            Armenia's Ministry of Defence said. The ministry said three Armenian soldiers were killed and seven were wounded.

            According to Baku, Armenian units opened fire first near Kalbajar, and the Azerbaijani army suffered no casualties.

            The two countries fought a war in 2020 that ended with a truce brokered by Moscow. Then the border was redrawn in Kalbajar.
            Their leaders are due to meet at a summit in Samarkand next week.
            """;

    private static ExtractedReport extract(String text, String publishedAt) {
        return TestExtractor.get().extract(TestExtractor.report(text, publishedAt));
    }

    @Test
    void anAttackOnFiveSettlementsIsFiveEventsOfOneDay() {
        ExtractedReport r = extract(FIVE_VILLAGES, "2023-06-15");
        List<ExtractedEvent> armenian = r.events().stream().filter(e -> "ARM".equals(e.place().place().country())).toList();
        assertThat(armenian).extracting(e -> e.place().place().id()).containsExactly("arm-gegharkunik-sotk",
                "arm-gegharkunik-kut", "arm-gegharkunik-verin-shorzha", "arm-vayots-dzor-jermuk", "arm-syunik-kapan");
        assertThat(armenian).allSatisfy(e -> {
            assertThat(e.date()).isEqualTo(LocalDate.of(2023, 6, 13));
            assertThat(e.datePrecision()).isEqualTo(DatePrecision.DAY);
            assertThat(e.eventType()).isEqualTo(EventTaxonomy.EXPLOSIONS);
            assertThat(e.actor1()).isEqualTo("Military Forces of Azerbaijan");
            assertThat(e.confidence()).isBetween(0.0, 1.0);
        });
        assertThat(armenian.get(0).placeSpan().of(FIVE_VILLAGES)).isEqualTo("Sotk");
        // the figures go to one event, not five
        assertThat(armenian.stream().mapToInt(e -> e.claims().size()).sum()).isEqualTo(1);
        ExtractedClaim claim = armenian.get(0).claims().get(0);
        assertThat(claim.claimant()).isEqualTo("Ministry of Defence of Armenia");
        assertThat(claim.casualtySide()).isEqualTo("ARM");
        assertThat(claim.fatalitiesBest()).isEqualTo(3);
        assertThat(claim.injuredBest()).isEqualTo(7);
        assertThat(claim.span().of(FIVE_VILLAGES)).startsWith("The ministry said three");
    }

    @Test
    void theOtherSidesAccountIsItsOwnClaim() {
        ExtractedReport r = extract(FIVE_VILLAGES, "2023-06-15");
        ExtractedEvent kalbajar = r.events().stream().filter(e -> e.place().place().id().contains("kalbajar")).findFirst().orElseThrow();
        assertThat(kalbajar.claims()).singleElement().satisfies(c -> {
            assertThat(c.claimant()).isEqualTo("Government of Azerbaijan");
            assertThat(c.fatalitiesBest()).isZero();
            assertThat(c.casualtySide()).isEqualTo("AZE");
        });
    }

    @Test
    void backgroundAndSummitsYieldNothing() {
        ExtractedReport r = extract(FIVE_VILLAGES, "2023-06-15");
        assertThat(r.events()).allSatisfy(e -> assertThat(e.date().getYear()).isEqualTo(2023));
        assertThat(r.events()).hasSize(6);
        assertThat(r.mentions()).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MentionKind.CLAIMANT));
    }

    @Test
    void conflictingClaimsAreAllKept() {
        String text = "Two Armenian soldiers were killed near Tegh on Monday, the Armenian Ministry of Defence said. "
                + "According to Baku, at least five Armenian soldiers died there.";
        ExtractedEvent e = extract(text, "2023-06-15").events().get(0);
        assertThat(e.claims()).extracting(ExtractedClaim::claimant)
                .containsExactly("Ministry of Defence of Armenia", "Government of Azerbaijan");
        assertThat(e.claims()).extracting(ExtractedClaim::fatalitiesBest).containsExactly(2, 5);
        assertThat(e.claims().get(1).fatalitiesHigh()).isNull();
    }

    @Test
    void withoutPublicationDateOrDateNoDayIsInvented() {
        String text = "Azerbaijani troops shelled the village of Sotk on Tuesday. Two houses were damaged.";
        ExtractedReport r = extract(text, null);
        assertThat(r.events()).isNotEmpty();
        assertThat(r.events()).allSatisfy(e -> {
            assertThat(e.date()).isNull();
            assertThat(e.datePrecision()).isNull();
        });
    }

    @Test
    void withoutPublicationDateAWrittenDateStillCounts() {
        assertThat(extract("Azerbaijani troops shelled Sotk on 12 May 2021.", null).events().get(0).date())
                .isEqualTo("2021-05-12");
        ExtractedEvent month = extract("Azerbaijani troops shelled Sotk in March 2022.", null).events().get(0);
        assertThat(month.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(month.dateEnd()).isEqualTo("2022-03-31");
    }

    @Test
    void aReportWithoutADateOfItsEventIsPlacedInItsPublicationWeek() {
        ExtractedEvent e = extract("Azerbaijani troops shelled the village of Sotk.", "2023-06-15").events().get(0);
        assertThat(e.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(e.dateEnd()).isEqualTo("2023-06-15");
    }

    @Test
    void extractionIsPure() {
        assertThat(extract(FIVE_VILLAGES, "2023-06-15")).isEqualTo(extract(FIVE_VILLAGES, "2023-06-15"));
    }
}
