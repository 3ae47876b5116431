package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsSentencesAndCountsParagraphsByLine() {
        String text = "Shelling near the border\n\nTwo posts were hit on Monday. Nobody was hurt.\nThe ministry said more later.";
        List<Sentence> s = Sentences.split(text);
        assertThat(s).extracting(Sentence::text).containsExactly("Shelling near the border", "Two posts were hit on Monday.",
                "Nobody was hurt.", "The ministry said more later.");
        assertThat(s).extracting(Sentence::paragraph).containsExactly(0, 1, 1, 2);
        assertThat(s.get(2).span().of(text)).isEqualTo("Nobody was hurt.");
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertThat(Sentences.split("The U.S. envoy arrived on Tuesday. He met officials.")).hasSize(2);
    }
}
