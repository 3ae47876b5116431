package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ActorListTest {

    private static List<String> actors(String text) {
        return TestExtractor.actors().find(text, 0, text.length()).stream().map(a -> a.actor().name()).toList();
    }

    @Test
    void namesInFourLanguagesAndBothSpellingsOfDefence() {
        assertThat(actors("The Armenian Defence Ministry and the Armenian Defense Ministry agree."))
                .containsExactly("Ministry of Defence of Armenia", "Ministry of Defence of Armenia");
        assertThat(actors("Минобороны Армении сообщило, что российские миротворцы на месте."))
                .containsExactly("Ministry of Defence of Armenia", "Russian Peacekeeping Forces");
        assertThat(actors("Azərbaycan Müdafiə Nazirliyi bildirib.")).containsExactly("Ministry of Defence of Azerbaijan");
        assertThat(actors("ՀՀ ՊՆ-ն հայտնում է")).containsExactly("Ministry of Defence of Armenia");
        assertThat(actors("Azerbaijan’s defense ministry said so.")).containsExactly("Ministry of Defence of Azerbaijan");
    }

    @Test
    void theLongestNameWinsAndWordsMustBeWhole() {
        assertThat(actors("The State Border Service of Azerbaijan reported fire.")).containsExactly("State Border Service of Azerbaijan");
        assertThat(actors("Armenian armed forces opened fire; the EU monitoring mission saw it."))
                .containsExactly("Military Forces of Armenia", "EU Mission in Armenia");
        assertThat(actors("Bakuvian cuisine and militiaman stories")).isEmpty();
    }

    @Test
    void everyActorHasAKindAndAName() {
        assertThat(TestExtractor.actors().actors()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(a -> assertThat(a.name()).isNotBlank());
    }
}
