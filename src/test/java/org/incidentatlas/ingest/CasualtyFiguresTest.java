package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CasualtyFiguresTest {

    private static List<Figure> figures(String text) {
        return CasualtyFigures.find(text, Sentences.split(text).get(0));
    }

    @Test
    void numbersInDigitsAndWordsWithKilledOrInjured() {
        List<Figure> f = figures("Three Armenian servicemen were killed and 12 others were wounded in the attack.");
        assertThat(f).hasSize(2);
        assertThat(f.get(0).killed()).isTrue();
        assertThat(f.get(0).best()).isEqualTo(3);
        assertThat(f.get(0).side()).isEqualTo("ARM");
        assertThat(f.get(1).killed()).isFalse();
        assertThat(f.get(1).best()).isEqualTo(12);
        assertThat(figures("Twenty-five soldiers died in the assault.").get(0).best()).isEqualTo(25);
    }

    @Test
    void noOneHurtIsZeroNotOne() {
        assertThat(figures("No one was hurt, the ministry said.")).singleElement().satisfies(f -> {
            assertThat(f.killed()).isFalse();
            assertThat(f.best()).isZero();
        });
        assertThat(figures("One soldier was hurt, the ministry said.")).singleElement().satisfies(f -> assertThat(f.best()).isEqualTo(1));
    }

    @Test
    void hedgesBecomeLowAndHigh() {
        Figure atLeast = figures("The fire killed at least two Azerbaijani soldiers.").get(0);
        assertThat(atLeast.low()).isEqualTo(2);
        assertThat(atLeast.high()).isNull();
        assertThat(atLeast.side()).isEqualTo("AZE");
        Figure nearly = figures("Nearly 50 troops were killed overnight.").get(0);
        assertThat(nearly.low()).isNull();
        assertThat(nearly.high()).isEqualTo(50);
        Figure range = figures("Up to 25-30 thousand people died in that war.").get(0);
        assertThat(range.low()).isEqualTo(25_000);
        assertThat(range.high()).isEqualTo(30_000);
    }

    @Test
    void articlesAndPronounsCountOne() {
        Figure a = figures("A sniper killed an Armenian conscript at the post.").get(0);
        assertThat(a.best()).isEqualTo(1);
        assertThat(a.side()).isEqualTo("ARM");
        assertThat(figures("A second one was injured.").get(0).best()).isEqualTo(1);
        assertThat(figures("The shot wounded Azerbaijani soldier near the road.").get(0).side()).isEqualTo("AZE");
        assertThat(figures("Two were killed and one was wounded.")).extracting(Figure::best).containsExactly(2, 1);
    }

    @Test
    void ownSideAndAttackerSide() {
        assertThat(figures("The ministry confirmed the deaths of two of its soldiers.").get(0).side()).isEqualTo(Figure.CLAIMANT_SIDE);
        assertThat(figures("Three men did not survive the mortar fire from the Azerbaijani side.").get(0).side()).isEqualTo("ARM");
    }

    @Test
    void aDenialIsZero() {
        List<Figure> f = figures("The army denied on Friday that Armenian units had any casualties.");
        assertThat(f).extracting(Figure::best).containsExactly(0, 0);
        assertThat(f.get(0).side()).isEqualTo("ARM");
    }

    @Test
    void countsOfOtherThingsAreNoCasualties() {
        assertThat(figures("Peacekeepers recorded three ceasefire violations on Tuesday.")).isEmpty();
        assertThat(figures("At 20:50 two posts fired 40 rounds, killing nobody.")).isEmpty();
    }
}
