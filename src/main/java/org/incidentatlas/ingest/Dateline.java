package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.incidents.DatePrecision;

/**
 * A wire-style dateline opening a report ("MEGHRI, March 5 —", "YEREVAN, July 29 (Reuters) -",
 * "Stepanakert/Khankendi, 12.02.2024 —"): where and when the report was filed, not where or when
 * anything happened. Its date anchors the report's relative dates ("on Monday", "yesterday");
 * its city is never an event place, so extraction reads the text with the dateline blanked out.
 *
 * @param span     the whole dateline, up to and including the dash
 * @param city     the filing city as written
 * @param cityAt   where the city is
 * @param date     the filing day, or null when the dateline gives none or it cannot be resolved
 * @param dateAt   where the date is, or null
 */
record Dateline(Span span, String city, Span cityAt, LocalDate date, Span dateAt) {

    private static final String MONTH = "(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\\.?";
    private static final String DATE = "(?<date>" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
            + "|\\d{1,2}\\s+" + MONTH + "(?:,?\\s+\\d{4})?"
            + "|\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}-\\d{2})";
    /**
     * At the start of a line: a city of capitalised words (a slash for two names of one city), an
     * optional country or province, an optional date, an optional agency in brackets, a dash.
     */
    private static final Pattern DATELINE = Pattern.compile("^[ \\t]*(?<city>\\p{Lu}[\\p{L}'’.]*(?:(?:[ /]|\\s*/\\s*|-)\\p{Lu}[\\p{L}'’.]*){0,3})"
            + "(?:,\\s*(?<region>\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)(?=\\s*[,(—–-]))?"
            + "(?:,?\\s*" + DATE + ")?"
            + "\\s*(?:\\((?<agency>[\\p{L}][\\p{L} .&\\-]{0,24})\\))?"
            + "\\s*(?:—|–|--|-)\\s+", Pattern.MULTILINE);
    /** A dateline stands in the first lines: the title, perhaps a byline, then the body. */
    private static final int SEARCH_CHARS = 600;

    /**
     * The report's dateline, if its opening lines have one. A line counts only when its city is
     * in capitals ("MEGHRI") or it carries a date or an agency: "Armenia - Azerbaijan talks" is a
     * title, not a dateline.
     */
    static Optional<Dateline> find(String text, LocalDate published, Integer fallbackYear) {
        Matcher m = DATELINE.matcher(text).region(0, Math.min(text.length(), SEARCH_CHARS));
        while (m.find()) {
            String city = m.group("city");
            boolean capitals = city.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                    && city.codePoints().filter(Character::isLetter).count() >= 3;
            if (!capitals && m.group("date") == null && m.group("agency") == null) {
                continue;
            }
            LocalDate date = null;
            Span dateAt = null;
            if (m.group("date") != null) {
                dateAt = new Span(m.start("date"), m.end("date"));
                date = DateResolver.find(text, dateAt.start(), dateAt.end(), published, fallbackYear).stream()
                        .filter(d -> d.resolved() && d.precision() == DatePrecision.DAY).map(DateMention::date)
                        .findFirst().orElse(null);
            }
            return Optional.of(new Dateline(new Span(m.start("city"), m.end()), city, new Span(m.start("city"), m.end("city")),
                    date, dateAt));
        }
        return Optional.empty();
    }

    /**
     * The day relative dates are read against. The dateline's day, when it has one: the writer's
     * "on Monday" counts from the day of filing, and a publication date may be a later re-posting.
     * A dateline day more than a day after publication cannot be the filing day (its year was
     * guessed wrong, or it is a typo): the publication date wins then.
     */
    LocalDate anchor(LocalDate published) {
        if (date == null || published != null && date.isAfter(published.plusDays(1))) {
            return published;
        }
        return date;
    }

    /** The text with the dateline blanked out (same length, so every offset still points into the original). */
    String blank(String text) {
        StringBuilder b = new StringBuilder(text);
        for (int i = span.start(); i < span.end(); i++) {
            if (!Character.isWhitespace(b.charAt(i))) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
