package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.gazetteer.Candidate;
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

    /** The one event's place is the province at geo precision 3, or a place within 5 km of the truth. */
    private static void rightPlaceOrProvince(String text, String province, double lat, double lon) {
        List<ExtractedEvent> found = events(text);
        assertThat(found).as(text).hasSize(1);
        Candidate c = found.get(0).place();
        if (c.place().id().equals(province)) {
            assertThat(c.geoPrecision()).isEqualTo(3);
        } else {
            assertThat(Geodesic.WGS84.Inverse(c.place().lat(), c.place().lon(), lat, lon).s12).as(c.place().id()).isLessThan(5000);
        }
    }

    @Test
    void aMissingVillageFallsBackToTheProvinceTheSentenceNames() {
        // Tsaghkalanch is made up, one letter from Tsaghkalanj in Armavir
        String text = "A shepherd was wounded by sniper fire near the village of Tsaghkalanch in Tavush province on Sunday, "
                + "the Armenian interior ministry said.";
        List<ExtractedEvent> found = events(text);
        assertThat(found).extracting(e -> e.place().place().id()).containsExactly("arm-region-tavush");
        assertThat(found.get(0).place().geoPrecision()).isEqualTo(3);
        // the village: Norabak itself once the gazetteer has it, else the province; never Norabats
        rightPlaceOrProvince(text.replace("Tsaghkalanch in Tavush", "Norabak in Gegharkunik"), "arm-region-gegharkunik",
                40.15, 45.86667);
    }

    @Test
    void theSameHoldsWhenTheProvinceIsAQualifierAfterAComma() {
        rightPlaceOrProvince("Azerbaijani troops fired on houses in Shvanidzor, Syunik province, on Saturday, a local official said.",
                "arm-region-syunik", 38.94278, 46.37694);
        rightPlaceOrProvince("Gunfire from across the border damaged a school in Vazashen, Tavush region, on Friday.",
                "arm-region-tavush", 40.99222, 45.28417);
        // made up: Vardenes is a misspelt Vardenis (Gegharkunik), but the sentence puts it in Tavush
        assertThat(placeIds("Azerbaijani troops fired on houses in Vardenes, Tavush region, on Friday, a local official said.")).containsExactly("arm-region-tavush");
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

    @Test
    void aProvinceNamedInAnEarlierSentenceConfinesTheNearMissesOfLaterOnes() {
        // "Vardenes" is one edit from Vardenis (Gegharkunik): with Tavush named a sentence before, it is no answer
        String text = "Azerbaijani forces shelled army positions in Tavush province on Friday. "
                + "Azerbaijani troops shelled houses in Vardenes, a local official said.";
        assertThat(placeIds(text)).doesNotContain("arm-gegharkunik-vardenis").contains("arm-region-tavush");
        // with Gegharkunik named before, the same spelling is Vardenis
        assertThat(placeIds(text.replace("Tavush", "Gegharkunik"))).contains("arm-gegharkunik-vardenis");
        // and an exact name in another province is still found: the earlier province ranks, it does not veto
        assertThat(placeIds("Azerbaijani forces shelled army positions in Tavush province on Friday. Azerbaijani troops also shelled houses in Sotk, "
                + "a local official said.")).contains("arm-gegharkunik-sotk");
    }
}
