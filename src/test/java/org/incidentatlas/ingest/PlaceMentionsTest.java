package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlaceMentionsTest {

    private static List<PlaceMention> places(String text) {
        Sentence s = Sentences.split(text).get(0);
        return TestExtractor.places().find(text, s, TestExtractor.actors().find(text, 0, text.length()));
    }

    private static List<String> ids(List<PlaceMention> found) {
        return found.stream().map(p -> p.candidate().place().id()).toList();
    }

    @Test
    void namesInsideWrapperPhrasesAndLists() {
        List<PlaceMention> found = places("Mortar rounds fell in the direction of the villages of Sotk, Kut and Verin Shorzha overnight.");
        assertThat(ids(found)).containsExactly("arm-gegharkunik-sotk", "arm-gegharkunik-kut", "arm-gegharkunik-verin-shorzha");
        // the shared "in the direction of" makes every one approximate
        assertThat(found).allSatisfy(p -> assertThat(p.candidate().geoPrecision()).isEqualTo(2));
        assertThat(found.get(0).phrase().of("Mortar rounds fell in the direction of the villages of Sotk, Kut and Verin Shorzha overnight."))
                .isEqualTo("in the direction of the villages of Sotk");
    }

    @Test
    void aQualifierLocatesTheNameBeforeIt() {
        List<PlaceMention> sevan = places("Windows were broken in Martuni on Lake Sevan when shells landed.");
        assertThat(sevan.get(0).candidate().place().id()).isEqualTo("arm-gegharkunik-martuni");
        assertThat(sevan.get(1).role()).isEqualTo(PlaceMention.Role.QUALIFIER);
        List<PlaceMention> syunik = places("A post near Nerkin Hand, Syunik region, was hit.");
        assertThat(ids(syunik)).containsExactly("arm-syunik-nerkin-hand", "arm-region-syunik");
        assertThat(syunik.get(1).role()).isEqualTo(PlaceMention.Role.QUALIFIER);
    }

    @Test
    void coMentionedPlacesDisambiguate() {
        List<PlaceMention> karabakh = places("Shells hit Martuni and Stepanakert in Nagorno-Karabakh.");
        assertThat(karabakh.get(0).candidate().place().id()).isEqualTo("aze-khojavend-martuni");
    }

    @Test
    void aSuffixSharedByAListApplies() {
        assertThat(ids(places("Fire was reported in the Kalbajar and Lachin directions.")))
                .containsExactly("dir-kalbajar", "dir-lachin");
    }

    @Test
    void aCapitalThatSpeaksIsNoPlace() {
        assertThat(places("Baku said the post was destroyed.")).isEmpty();
        assertThat(ids(places("A protest was held in Baku."))).containsExactly("aze-baku");
    }

    @Test
    void placesOutsideTheRegionAndOrdinaryWordsAreNotFound() {
        assertThat(places("Leaders met in Samarkand and then flew to Moscow and Washington.")).isEmpty();
        assertThat(places("The Armenian Prime Minister spoke to the President on Monday.")).isEmpty();
    }
}
