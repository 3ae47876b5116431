package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells background from news: history (years before the report's year, decades, the Soviet era),
 * other conflicts (Ukraine, Syria, Gaza …), diplomacy (summits, talks, treaties, calls and visits)
 * and retrospective dates (more than {@value #RETROSPECTIVE_DAYS} days before the report's main
 * date, "last summer"). Such sentences yield no incidents. A year written as an attribute ("the
 * 2020 ceasefire") is not history by itself; "in 2020" is.
 */
final class Background {

    enum Reason { HISTORY, OTHER_CONFLICT, DIPLOMACY, RETROSPECTIVE }

    static final int RETROSPECTIVE_DAYS = 10;
    /** The patterns are matched against lower-cased text. */
    private static final int FLAGS = 0;

    private static final Pattern HISTORY = Pattern.compile("\\b(?:soviet|ussr|ssr|first (?:nagorno-)?karabakh war|historical(?:ly)?"
            + "|centur(?:y|ies)|refugees|forced migrants|since the (?:late |early )?(?:19)?\\d0s|autonomous region)\\b", FLAGS);
    private static final Pattern OTHER_CONFLICT = Pattern.compile("\\b(?:ukrain\\w*|syria\\w*|gaza|israel\\w*|palestin\\w*|kosovo"
            + "|libya\\w*|sudan\\w*|yemen\\w*|donbas\\w*|crimea\\w*|invasion of)\\b", FLAGS);
    private static final Pattern DIPLOMACY = Pattern.compile("\\b(?:summits?|talks|negotiat\\w*|peace (?:treaty|agreement|deal|process)"
            + "|non-aggression|mediat\\w*|joint statement|phoned|phone call|telephone conversation|met with|will meet|meeting with"
            + "|on the sidelines|sign(?:ed|ing)? (?:a |the )?(?:peace|agreement|treaty|document|declaration|pact)"
            + "|foreign minist\\w*|diplomat\\w*|delimitation|demarcation|prisoner exchange|exchange of (?:some )?prisoners)\\b", FLAGS);

    private Background() {
    }

    /** Why the sentence is background, if it is. {@code mainDate} may be null (then only words count). */
    static Optional<Reason> of(String sentence, List<DateMention> dates, LocalDate mainDate) {
        return byDates(dates, mainDate).or(() -> byWords(sentence));
    }

    /** Background by its dates: decades, "last summer", days long before the main date. */
    static Optional<Reason> byDates(List<DateMention> dates, LocalDate mainDate) {
        for (DateMention d : dates) {
            if (d.kind() == DateMention.Kind.RETROSPECTIVE) {
                return Optional.of(Reason.RETROSPECTIVE);
            }
            if (mainDate != null && d.resolved() && d.last().isBefore(mainDate.minusDays(RETROSPECTIVE_DAYS))) {
                return Optional.of(d.precision() == org.incidentatlas.incidents.DatePrecision.YEAR
                        ? Reason.HISTORY : Reason.RETROSPECTIVE);
            }
        }
        return Optional.empty();
    }

    /** Background by its words: history, other conflicts, diplomacy. */
    static Optional<Reason> byWords(String text) {
        String sentence = Lowercase.of(text);
        if (HISTORY.matcher(sentence).find()) {
            return Optional.of(Reason.HISTORY);
        }
        if (OTHER_CONFLICT.matcher(sentence).find()) {
            return Optional.of(Reason.OTHER_CONFLICT);
        }
        if (DIPLOMACY.matcher(sentence).find()) {
            return Optional.of(Reason.DIPLOMACY);
        }
        return Optional.empty();
    }
}
