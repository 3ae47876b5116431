package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.FeatureType;

/**
 * An event being assembled from the sentences that report it: one place, one day (or period), the
 * sentences, the claims. Drafts at the same place and day, or at a region and a place inside it,
 * are merged before they become {@link ExtractedEvent}s.
 */
final class EventDraft {

    final SentenceFacts.When when;
    Candidate place;
    Span placeSpan;
    boolean refined;
    final List<SentenceFacts> sentences = new ArrayList<>();
    final List<ExtractedClaim> claims = new ArrayList<>();
    /** Sentences that only gave figures for this event: they may sharpen its type, but name victims, not actors. */
    final List<SentenceFacts> figureSentences = new ArrayList<>();

    EventDraft(SentenceFacts.When when, Candidate place, Span placeSpan) {
        this.when = when;
        this.place = place;
        this.placeSpan = placeSpan;
    }

    FeatureType type() {
        return place.place().type();
    }

    boolean sameTime(EventDraft other) {
        return java.util.Objects.equals(when.date(), other.when.date()) && java.util.Objects.equals(when.end(), other.when.end());
    }

    int firstSentence() {
        return sentences.stream().mapToInt(f -> f.sentence().index()).min().orElse(Integer.MAX_VALUE);
    }

    void absorb(EventDraft other) {
        for (SentenceFacts f : other.sentences) {
            if (!sentences.contains(f)) {
                sentences.add(f);
            }
        }
        for (SentenceFacts f : other.figureSentences) {
            if (!figureSentences.contains(f)) {
                figureSentences.add(f);
            }
        }
        for (ExtractedClaim c : other.claims) {
            if (!claims.contains(c)) {
                claims.add(c);
            }
        }
        sentences.sort(java.util.Comparator.comparingInt(f -> f.sentence().index()));
    }
}
