package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.incidentatlas.incidents.DatePrecision;

/**
 * The days a report's sentences are about: the report's main date (the first news sentence about
 * an event that dates itself, else the publication week, else a coarse period the text names, else
 * none), each sentence's own date, "the same day" and "a day earlier" relative to the day being
 * told about, a paragraph's date carried to its undated sentences; and which sentences are
 * background, by their words and by their dates.
 */
final class ReportDating {

    private static final Pattern CONTINUATION = Pattern.compile("(?:then|as a result|after|afterwards|following|since then|"
            + "at the time|at that time|back then|during|it|this|that|these|those|they|he|she|its|their)\\b",
            Pattern.CASE_INSENSITIVE);

    private ReportDating() {
    }

    /** The report's main date: the first news sentence about an event that dates itself; else the publication week; else a coarse period. */
    static SentenceFacts.When mainDate(String text, List<SentenceFacts> facts, LocalDate anchor) {
        Optional<DateMention> best = Optional.empty();
        for (SentenceFacts f : facts) {
            Optional<Background.Reason> words = Background.byDates(f.dates(), null).or(f::background);
            Optional<DateMention> own = f.ownDate().filter(d -> anchor == null || !d.date().isAfter(anchor.plusDays(1)));
            if (words.isEmpty() && own.isPresent() && (f.eventClass().isPresent() || !f.figures().isEmpty())) {
                best = own;
                break;
            }
            if (best.isEmpty() && words.isEmpty() && own.isPresent()) {
                best = own;
            }
        }
        if (best.isPresent()) {
            DateMention d = best.get();
            return new SentenceFacts.When(d.date(), d.end(), d.precision(), true);
        }
        if (anchor != null) {
            // the report says nothing of the day: some day of the week it was published in
            return new SentenceFacts.When(anchor.minusDays(6), anchor, DatePrecision.WEEK, false);
        }
        for (SentenceFacts f : facts) {
            if (Background.byDates(f.dates(), null).or(f::background).isPresent()) {
                continue;
            }
            for (DateMention d : f.dates()) {
                if (d.resolved() && (d.precision() == DatePrecision.MONTH || d.precision() == DatePrecision.YEAR)) {
                    return new SentenceFacts.When(d.date(), d.end(), d.precision(), false);
                }
            }
        }
        return SentenceFacts.When.UNKNOWN;
    }


    /**
     * Each sentence's day, and which sentences are background. A sentence that carries a
     * background story on ("Then the fighting broke out …", "After that, …") without a date of its
     * own is background too.
     */
    static List<SentenceFacts> dateAndSetAside(String text, List<SentenceFacts> facts, SentenceFacts.When main) {
        List<SentenceFacts> out = new ArrayList<>();
        SentenceFacts.When lastOwn = null;
        SentenceFacts.When paragraphDate = null;
        Optional<Background.Reason> previousBackground = Optional.empty();
        int paragraph = -1;
        for (SentenceFacts f : facts) {
            if (f.sentence().paragraph() != paragraph) {
                paragraph = f.sentence().paragraph();
                paragraphDate = null;
            }
            Optional<DateMention> own = f.ownDate();
            boolean sameDay = f.dates().stream().anyMatch(d -> d.kind() == DateMention.Kind.SAME_DAY);
            Optional<DateMention> shift = f.dates().stream()
                    .filter(d -> d.kind() == DateMention.Kind.DAY_BEFORE || d.kind() == DateMention.Kind.DAY_AFTER).findFirst();
            SentenceFacts.When reference = paragraphDate != null ? paragraphDate : main;
            SentenceFacts.When when;
            if (shift.isPresent() && reference.date() != null && reference.precision() == DatePrecision.DAY) {
                // "a day earlier": one day from the day being told about
                LocalDate d = reference.date().plusDays(shift.get().kind() == DateMention.Kind.DAY_BEFORE ? -1 : 1);
                when = new SentenceFacts.When(d, null, DatePrecision.DAY, true);
                sameDay = true;
            } else if (own.isPresent()) {
                when = new SentenceFacts.When(own.get().date(), own.get().end(), own.get().precision(), true);
            } else if (sameDay && lastOwn != null) {
                when = lastOwn;
            } else if (paragraphDate != null) {
                when = new SentenceFacts.When(paragraphDate.date(), paragraphDate.end(), paragraphDate.precision(), false);
            } else {
                when = new SentenceFacts.When(main.date(), main.end(), main.precision(), false);
            }
            Optional<Background.Reason> background = Background.byDates(f.dates(), main.date()).or(f::background);
            if (background.isEmpty() && own.isEmpty() && !sameDay && previousBackground.isPresent()
                    && CONTINUATION.matcher(f.sentence().text()).lookingAt()) {
                background = previousBackground;
            }
            previousBackground = background;
            if (own.isPresent() || sameDay) {
                lastOwn = when;
                paragraphDate = when;
            }
            out.add(f.with(background, when));
        }
        return out;
    }


    /** Without a publication date: the latest year written in full, to give month-day dates their year. */
    static Integer latestYear(String text) {
        Integer latest = null;
        for (DateMention d : DateResolver.find(text, 0, text.length(), null, null)) {
            if (d.resolved() && (d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.MONTH)) {
                latest = latest == null ? d.date().getYear() : Math.max(latest, d.date().getYear());
            }
        }
        return latest;
    }
}
