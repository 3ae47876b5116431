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
        // what follows a district's "of" locates the district; a village "of" a region is the other way round
        List<PlaceMention> sadarak = places("Shells fell on positions in the Sadarak district of Nakhchivan.");
        assertThat(sadarak.get(0).candidate().place().id()).isEqualTo("aze-district-sadarak");
        assertThat(sadarak.get(1).role()).isEqualTo(PlaceMention.Role.QUALIFIER);
        List<PlaceMention> hand = places("A post near the Syunik village of Nerkin Hand was destroyed.");
        assertThat(hand).filteredOn(p -> p.candidate().place().id().equals("arm-syunik-nerkin-hand")).singleElement()
                .satisfies(p -> assertThat(p.role()).isEqualTo(PlaceMention.Role.LOCATION));
    }

    @Test
    void whereFireCameFromIsAnOrigin() {
        assertThat(places("Fire from the Ordubad district hit a farm outside Meghri.")).extracting(PlaceMention::role)
                .containsExactly(PlaceMention.Role.ORIGIN, PlaceMention.Role.LOCATION);
        assertThat(places("Units stationed near Chinari opened fire on the village.")).singleElement()
                .satisfies(p -> assertThat(p.role()).isEqualTo(PlaceMention.Role.ORIGIN));
        // positions that were hit are where the event was
        assertThat(places("Armenian units fired at Azerbaijani positions near Zabukh.")).singleElement()
                .satisfies(p -> assertThat(p.role()).isEqualTo(PlaceMention.Role.LOCATION));
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
