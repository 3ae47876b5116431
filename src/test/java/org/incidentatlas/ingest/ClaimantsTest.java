package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClaimantsTest {

    private static Optional<Attribution> claimant(String text) {
        Sentence s = Sentences.split(text).get(0);
        return new Claimants(TestExtractor.actors()).find(text, s, TestExtractor.actors().find(text, 0, text.length()));
    }

    @Test
    void whoSaysIt() {
        assertThat(claimant("Two soldiers died, the Armenian Ministry of Defence said.").get().claimant())
                .isEqualTo("Ministry of Defence of Armenia");
        assertThat(claimant("According to Baku, the post was destroyed.").get().claimant()).isEqualTo("Government of Azerbaijan");
        assertThat(claimant("Yerevan has confirmed the losses.").get().country()).isEqualTo("ARM");
        assertThat(claimant("The State Border Service of Azerbaijan's press service reported fire.").get().claimant())
                .isEqualTo("State Border Service of Azerbaijan");
        assertThat(claimant("Azerbaijan announced a new operation.").get().claimant()).isEqualTo("Government of Azerbaijan");
    }

    @Test
    void outletsNotOnTheListAreKeptAsWritten() {
        assertThat(claimant("According to Trend News, a sniper fired twice.").get().claimant()).isEqualTo("Trend News");
    }

    @Test
    void aBareMinistryReferstoTheLastOneNamed() {
        Attribution a = claimant("The ministry said later that a third soldier had died.").get();
        assertThat(a.anaphoric()).isTrue();
        assertThat(a.claimant()).isNull();
    }

    @Test
    void noSpeakerNoClaimant() {
        assertThat(claimant("Shells fell near the village at dawn.")).isEmpty();
    }
}
