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

    /** The first date the sentence itself resolves to a day or a week, if any. */
    Optional<DateMention> ownDate() {
        return dates.stream().filter(d -> d.resolved() && d.kind() != DateMention.Kind.RETROSPECTIVE
                && (d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.WEEK)).findFirst();
    }
}
