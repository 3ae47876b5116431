package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.incidentatlas.incidents.DatePrecision;

/**
 * Everything read from one sentence: its dates, places, actors, attribution, casualty figures,
 * event class, whether it is background, and the day (or period) it is about.
 */
record SentenceFacts(Sentence sentence, List<DateMention> dates, List<PlaceMention> places, List<ActorMention> actors,
                     Optional<Attribution> attribution, List<Figure> figures, Optional<EventClass> eventClass,
                     Optional<Background.Reason> background, When when) {

    /** The day or period a sentence is about, and whether the sentence says so itself. */
    record When(LocalDate date, LocalDate end, DatePrecision precision, boolean ownDate) {
        static final When UNKNOWN = new When(null, null, null, false);
    }

    SentenceFacts with(Optional<Background.Reason> b, When w) {
        return new SentenceFacts(sentence, dates, places, actors, attribution, figures, eventClass, b, w);
    }

    boolean isNews() {
        return background.isEmpty();
    }

    /**
     * The date the sentence itself gives its event, a day or a week: the first, except that the
     * date of a statement ("said on Wednesday that … yesterday") gives way to another.
     */
    Optional<DateMention> ownDate() {
        List<DateMention> days = dates.stream().filter(d -> d.resolved() && d.kind() != DateMention.Kind.RETROSPECTIVE
                && (d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.WEEK)).toList();
        if (days.size() > 1) {
            for (DateMention d : days) {
                int from = Math.max(0, d.span().start() - sentence.start() - 30);
                String before = sentence.text().substring(from, d.span().start() - sentence.start());
                if (!STATEMENT_DATE.matcher(before).find()) {
                    return Optional.of(d);
                }
            }
        }
        return days.stream().findFirst();
    }

    private static final java.util.regex.Pattern STATEMENT_DATE = java.util.regex.Pattern.compile(
            "\\b(?:said|says|reported|announced|stated|told [\\w ]{1,20}|confirmed|in a statement)\\s*(?:in a statement\\s*)?$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
}
