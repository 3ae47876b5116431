package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns casualty figures into claims: who each sentence's facts come from (its own attribution,
 * "the ministry" for the last one named, or the previous sentence's when it goes on reporting), one
 * claim per side with killed and injured together, a party's killed figure and its injured figure
 * in the next sentence joined, and headline figures that an attributed claim repeats dropped.
 */
final class ClaimAssembly {

    /** The two parties whose authorities, speaking of unspecified victims, mean their own. */
    private static final java.util.Set<String> PARTIES = java.util.Set.of("ARM", "AZE");

    private ClaimAssembly() {
    }

    /** Who each sentence's facts come from: its own attribution, or the previous sentence's when it goes on reporting. */
    static List<Attribution> attributions(List<SentenceFacts> facts) {
        List<Attribution> out = new ArrayList<>();
        Attribution lastNamed = null;
        Attribution previous = null;
        int previousParagraph = -2;
        for (SentenceFacts f : facts) {
            Attribution a = f.attribution().orElse(null);
            if (a != null && a.anaphoric()) {
                a = lastNamed == null ? null : new Attribution(lastNamed.claimant(), lastNamed.country(), a.span(), true);
            } else if (a == null && previous != null && f.sentence().paragraph() - previousParagraph <= 1) {
                a = new Attribution(previous.claimant(), previous.country(), previous.span(), true);
            }
            if (a != null && !a.anaphoric()) {
                lastNamed = a;
            }
            out.add(a);
            previous = a;
            previousParagraph = f.sentence().paragraph();
        }
        return out;
    }


    /** The sentence's figures as claims: one per speaker and side, killed and injured together. */
    static List<ExtractedClaim> claims(SentenceFacts f, Attribution sentenceAttribution) {
        Map<String, ExtractedClaim> bySide = new LinkedHashMap<>();
        for (Figure fig : f.figures()) {
            Attribution attribution = fig.speaker() != null ? fig.speaker() : sentenceAttribution;
            String claimant = attribution == null ? null : attribution.claimant();
            String claimantCountry = attribution == null ? null : attribution.country();
            String side = Figure.CLAIMANT_SIDE.equals(fig.side()) ? claimantCountry
                    : fig.side() == null ? (PARTIES.contains(String.valueOf(claimantCountry)) ? claimantCountry : null) : fig.side();
            String key = claimant + "|" + side;
            ExtractedClaim c = bySide.get(key);
            Integer[] k = c == null ? new Integer[3] : new Integer[] {c.fatalitiesLow(), c.fatalitiesBest(), c.fatalitiesHigh()};
            Integer[] w = c == null ? new Integer[3] : new Integer[] {c.injuredLow(), c.injuredBest(), c.injuredHigh()};
            Integer[] target = fig.killed() ? k : w;
            target[0] = sum(target[0], fig.low());
            target[1] = sum(target[1], fig.best());
            target[2] = sum(target[2], fig.high());
            bySide.put(key, new ExtractedClaim(claimant, side, k[0], k[1], k[2], w[0], w[1], w[2], f.sentence().span()));
        }
        return new ArrayList<>(bySide.values());
    }


    private static Integer sum(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(a + b);
    }


    /** A figure without a claimant (a headline) that an attributed claim of the report repeats adds nothing. */
    static void dropRepeatedClaims(EventDraft d) {
        d.claims.removeIf(b -> b.claimant() == null && d.claims.stream().anyMatch(a -> a != b && a.claimant() != null
                && (b.casualtySide() == null || Objects.equals(a.casualtySide(), b.casualtySide()))
                && covers(a.fatalitiesBest(), b.fatalitiesBest()) && covers(a.injuredBest(), b.injuredBest())));
    }


    private static boolean covers(Integer attributed, Integer headline) {
        return headline == null || headline.equals(attributed);
    }


    /** One party's killed figure and, in the next sentence, its injured figure ("Another was injured") are one claim. */
    static void joinClaims(EventDraft d) {
        for (int i = 0; i < d.claims.size(); i++) {
            for (int j = i + 1; j < d.claims.size(); j++) {
                ExtractedClaim a = d.claims.get(i);
                ExtractedClaim b = d.claims.get(j);
                boolean aKilledOnly = a.injuredBest() == null && a.injuredLow() == null && a.injuredHigh() == null;
                boolean bInjuredOnly = b.fatalitiesBest() == null && b.fatalitiesLow() == null && b.fatalitiesHigh() == null;
                if (a.claimant() != null && Objects.equals(a.claimant(), b.claimant()) && Objects.equals(a.casualtySide(), b.casualtySide())
                        && aKilledOnly && bInjuredOnly && b.span().start() - a.span().end() <= 3) {
                    d.claims.set(i, new ExtractedClaim(a.claimant(), a.casualtySide(), a.fatalitiesLow(), a.fatalitiesBest(),
                            a.fatalitiesHigh(), b.injuredLow(), b.injuredBest(), b.injuredHigh(), new Span(a.span().start(), b.span().end())));
                    d.claims.remove(j);
                    joinClaims(d);
                    return;
                }
            }
        }
    }
}
