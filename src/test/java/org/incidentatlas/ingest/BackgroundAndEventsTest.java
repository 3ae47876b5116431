package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.incidentatlas.incidents.EventTaxonomy;
import org.junit.jupiter.api.Test;

class BackgroundAndEventsTest {

    private static final LocalDate MAIN = LocalDate.of(2023, 6, 15);

    private static Optional<Background.Reason> background(String sentence) {
        return Background.of(sentence, DateResolver.find(sentence, 0, sentence.length(), MAIN, null), MAIN);
    }

    private static Optional<EventClass> classify(String sentence, boolean casualties) {
        return EventClassifier.classify(sentence, Sentences.split(sentence).get(0), casualties);
    }

    @Test
    void historyOtherConflictsAndDiplomacyAreBackground() {
        assertThat(background("The first war, fought in 1992, left thousands dead.")).contains(Background.Reason.HISTORY);
        assertThat(background("The dispute goes back to the Soviet era.")).contains(Background.Reason.HISTORY);
        assertThat(background("The region has been contested since the 1990s.")).contains(Background.Reason.RETROSPECTIVE);
        assertThat(background("Moscow is busy with its war in Ukraine.")).contains(Background.Reason.OTHER_CONFLICT);
        assertThat(background("The two leaders will meet at a summit in Prague.")).contains(Background.Reason.DIPLOMACY);
        assertThat(background("The foreign ministers held talks on a peace treaty.")).contains(Background.Reason.DIPLOMACY);
        assertThat(background("A village was shelled in May, three weeks ago.")).contains(Background.Reason.RETROSPECTIVE);
    }

    @Test
    void todaysNewsIsNot() {
        assertThat(background("Two soldiers were wounded by sniper fire on Wednesday.")).isEmpty();
        assertThat(background("The strike broke the 2020 ceasefire, the ministry said.")).isEmpty();
    }

    @Test
    void eventWordsMapToTheAcledTaxonomy() {
        assertThat(classify("Artillery shells hit the outskirts of the town.", false).get().subEventType())
                .isEqualTo("Shelling/artillery/missile attack");
        assertThat(classify("A drone struck a truck on the road.", false).get().subEventType()).isEqualTo("Air/drone strike");
        assertThat(classify("A soldier stepped on a landmine.", false).get().subEventType()).isEqualTo("Remote explosive/landmine/IED");
        assertThat(classify("A sniper opened fire on the post.", false).get().eventType()).isEqualTo(EventTaxonomy.BATTLES);
        assertThat(classify("Troops seized two hills overnight.", false).get().seizure()).isTrue();
        assertThat(classify("A shepherd was killed near the village.", true).get().eventType())
                .isEqualTo(EventTaxonomy.VIOLENCE_AGAINST_CIVILIANS);
        assertThat(classify("Both armies ceased fire at noon under the ceasefire agreement.", false)).isEmpty();
    }
}
