package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.incidentatlas.gazetteer.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * Ingestion inherits the gazetteer's precision (issue 10): a village missing from the gazetteer is
 * not replaced by a look-alike name elsewhere; the incident falls back to the smallest admin unit
 * the report names, with that unit's geo precision. The report sentences are the team's own.
 */
class PlacePrecisionTest {

    private static List<ExtractedEvent> events(String text) {
        return TestExtractor.get().extract(TestExtractor.report(text, "2024-05-20")).events();
    }

    private static List<String> placeIds(String text) {
        return events(text).stream().map(e -> e.place().place().id()).toList();
    }

    @Test
    void aMissingVillageFallsBackToTheProvinceTheSentenceNames() {
        String text = "A shepherd was wounded by sniper fire near the village of Norabak in Gegharkunik province on Sunday, "
                + "the Armenian interior ministry said.";
        List<ExtractedEvent> found = events(text);
        assertThat(found).extracting(e -> e.place().place().id()).doesNotContain("gn-am-02-norabac").containsExactly("arm-region-gegharkunik");
        assertThat(found.get(0).place().geoPrecision()).isEqualTo(3);
    }

    @Test
    void theSameHoldsWhenTheProvinceIsAQualifierAfterAComma() {
        String text = "Azerbaijani troops fired on houses in Shvanidzor, Syunik province, on Saturday, a local official said.";
        assertThat(placeIds(text)).doesNotContain("gn-am-06-vanadzor").containsExactly("arm-region-syunik");
        String tavush = "Gunfire from across the border damaged a school in Vazashen, Tavush region, on Friday.";
        assertThat(placeIds(tavush)).noneMatch(id -> id.contains("vaghashen")).containsExactly("arm-region-tavush");
    }

    @Test
    void aTypoOfAKnownVillageStillFindsIt() {
        String text = "Two farmers were hurt by a mine near the village of Voskeppar in Tavush on Monday.";
        List<ExtractedEvent> found = events(text);
        assertThat(found).extracting(e -> e.place().place().id()).containsExactly("arm-tavush-voskepar");
        assertThat(found.get(0).place().score()).isGreaterThanOrEqualTo(Gazetteer.DEFAULT_FUZZY_THRESHOLD);
    }

    @Test
    void anExactNameOutsideTheNamedProvinceIsNotTheAnswer() {
        // Vardenis is a town of Gegharkunik and also a village of Aragatsotn, which the gazetteer lacks
        String text = "Hail destroyed crops and a soldier was injured at a training ground near Vardenis in Aragatsotn province on Sunday.";
        assertThat(placeIds(text)).doesNotContain("arm-gegharkunik-vardenis");
    }

    @Test
    void placesAcrossTheBorderInTheSameSentenceDoNotRuleOutAnExactName() {
        // Kalbajar (Azerbaijan) is only mentioned with Sotk (Armenia): it ranks, it does not confine
        String text = "Armenian officials said units positioned in Kalbajar district shelled Sotk on Monday.";
        assertThat(placeIds(text)).contains("arm-gegharkunik-sotk");
    }
}
