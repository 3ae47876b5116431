package org.incidentatlas.ingest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.incidents.DatePrecision;

/**
 * Finds date expressions in a stretch of text and resolves them against the publication date:
 * ISO and numeric dates (13.02.2024), month-day in either order with or without a year ("September
 * 13, 2022", "13 February", "on the night of September 13"), month and year, years, decades,
 * weekdays ("on Wednesday", "early on Wednesday morning", "since Monday") and relative expressions
 * ("yesterday", "three days ago", "last week", "the same day"). A missing year is the publication
 * year, or the year before when that would put the day more than a week after publication. Without
 * a publication date, weekdays and relative expressions stay unresolved: no day is invented.
 */
final class DateResolver {

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
            + "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)";
    private static final String DAY_PART = "(?:morning|evening|night|afternoon)";
    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\p{L}])(?:(?:on\\s+)?the\\s+" + DAY_PART + "\\s+of\\s+)?"
            + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?", FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
            + "(?![\\p{L}])\\.?(?:,?\\s+(\\d{4})\\b)?", FLAGS);
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\p{L}])" + MONTH + "\\s+(?:of\\s+)?(\\d{4})\\b", FLAGS);
    private static final Pattern BARE_MONTH = Pattern.compile("\\b(?:in|since|during|early|late|mid-?|until|by)\\s+" + MONTH + "(?![\\p{L}])(?!\\.?\\s+(?:of\\s+)?\\d)", FLAGS);
    private static final Pattern SEASON_YEAR = Pattern.compile("\\b(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?(\\d{4})\\b", FLAGS);
    private static final Pattern YEAR_RANGE = Pattern.compile("\\b((?:19|20)\\d{2})\\s*[-–]\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:in|since|of|during|by|until|from|back in)\\s+(?:the\\s+)?((?:19|20)\\d{2})\\b(?![-–]\\d)", FLAGS);
    private static final Pattern DECADE = Pattern.compile("\\b(?:(?:19|20)\\d0s|(?:early|late|mid)[- ](?:19)?\\d0s|the\\s+'?\\d0s)\\b", FLAGS);
    private static final Pattern WEEKDAY_EXPR = Pattern.compile("\\b(?:(?:early|late)\\s+)?(?:(on|since|last|this|from)\\s+)?"
            + WEEKDAY + "(?:\\s+" + DAY_PART + ")?\\b", FLAGS);
    private static final Pattern RELATIVE = Pattern.compile("\\b(?:(the\\s+day\\s+before\\s+yesterday)|(yesterday)"
            + "|(today|tonight|this\\s+" + DAY_PART + "|earlier\\s+today|overnight)|(last\\s+night)"
            + "|(\\w+)\\s+days?\\s+ago|(last\\s+week)|(?:on\\s+)?(the\\s+same\\s+day)"
            + "|(last\\s+(?:month|year|summer|spring|autumn|fall|winter))|(a\\s+(?:month|year)\\s+ago)"
            + "|(a\\s+day\\s+(?:earlier|before)|the\\s+(?:previous|preceding)\\s+day|the\\s+day\\s+before)"
            + "|(the\\s+(?:next|following)\\s+day|a\\s+day\\s+later))\\b", FLAGS);

    private static final Map<String, Integer> MONTHS = months();
    private static final List<String> MONTH_STEMS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec", "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек");
    private static final List<String> RELATIVE_WORDS = List.of("day", "night", "week", "month", "year", "summer", "spring",
            "autumn", "fall", "winter", "ago", "this", "earlier", "later");

    private static boolean relativeWords(String lower) {
        return RELATIVE_WORDS.stream().anyMatch(lower::contains);
    }

    private DateResolver() {
    }

    /** The date expressions in {@code text[from, to)}, in order, not overlapping. */
    static List<DateMention> find(String text, int from, int to, LocalDate anchor, Integer fallbackYear) {
        List<DateMention> all = new ArrayList<>();
        Integer year = anchor != null ? Integer.valueOf(anchor.getYear()) : fallbackYear;
        // cheap gates first: most sentences have no digits, month names or day words
        String lower = Lowercase.of(text.substring(from, to));
        boolean digits = lower.chars().anyMatch(Character::isDigit);
        boolean months = MONTH_STEMS.stream().anyMatch(lower::contains);
        if (digits) {
            scan(ISO, text, from, to, all, m -> day(m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            scan(NUMERIC, text, from, to, all, m -> {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                boolean monthFirst = "/".equals(m.group(2)) && a <= 12 && b > 12;
                return day(m, Integer.parseInt(m.group(4)), monthFirst ? a : b, monthFirst ? b : a);
            });
        }
        if (months) {
            scan(MONTH_DAY, text, from, to, all, m -> monthDay(m, MONTHS.get(key(m.group(1))), Integer.parseInt(m.group(2)), m.group(3), anchor, year));
            scan(DAY_MONTH, text, from, to, all, m -> monthDay(m, MONTHS.get(key(m.group(2))), Integer.parseInt(m.group(1)), m.group(3), anchor, year));
            scan(MONTH_YEAR, text, from, to, all, m -> month(m, Integer.parseInt(m.group(2)), MONTHS.get(key(m.group(1)))));
            scan(BARE_MONTH, text, from, to, all, m -> {
                int month = MONTHS.get(key(m.group(1)));
                if (year == null) {
                    return unresolved(m, DateMention.Kind.EXPLICIT);
                }
                int y = anchor != null && YearMonth.of(year, month).atDay(1).isAfter(anchor) ? year - 1 : year;
                return month(m, y, month);
            });
        }
        if (digits) {
            scan(SEASON_YEAR, text, from, to, all, m -> yearSpan(m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(1))));
            scan(YEAR_RANGE, text, from, to, all, m -> yearSpan(m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            scan(YEAR, text, from, to, all, m -> yearSpan(m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(1))));
            scan(DECADE, text, from, to, all, m -> unresolved(m, DateMention.Kind.RETROSPECTIVE));
        }
        if (lower.contains("day")) {
            scan(WEEKDAY_EXPR, text, from, to, all, m -> weekday(m, anchor));
        }
        if (relativeWords(lower)) {
            scan(RELATIVE, text, from, to, all, m -> relative(m, anchor));
        }
        all.sort(Comparator.comparingInt((DateMention d) -> d.span().start()).thenComparingInt(d -> -(d.span().end() - d.span().start())));
        List<DateMention> kept = new ArrayList<>();
        int covered = -1;
        for (DateMention d : all) {
            if (d.span().start() >= covered) {
                kept.add(d);
                covered = d.span().end();
            }
        }
        return kept;
    }

    private interface Reader {
        DateMention read(Matcher m);
    }

    private static void scan(Pattern p, String text, int from, int to, List<DateMention> out, Reader reader) {
        Matcher m = p.matcher(text).region(from, to);
        while (m.find()) {
            DateMention d = reader.read(m);
            if (d != null) {
                out.add(d);
            }
        }
    }

    private static DateMention day(Matcher m, int year, int month, int day) {
        try {
            LocalDate d = LocalDate.of(year, month, day);
            return mention(m, d, null, DatePrecision.DAY, DateMention.Kind.EXPLICIT);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static DateMention monthDay(Matcher m, int month, int day, String writtenYear, LocalDate anchor, Integer year) {
        if (writtenYear != null) {
            return day(m, Integer.parseInt(writtenYear), month, day);
        }
        if (year == null) {
            return unresolved(m, DateMention.Kind.EXPLICIT);
        }
        try {
            LocalDate d = LocalDate.of(year, month, day);
            if (anchor != null && d.isAfter(anchor.plusDays(7))) {
                d = d.minusYears(1);
            }
            return mention(m, d, null, DatePrecision.DAY, DateMention.Kind.EXPLICIT);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static DateMention month(Matcher m, int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return mention(m, ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH, DateMention.Kind.EXPLICIT);
    }

    private static DateMention yearSpan(Matcher m, int first, int last) {
        if (last < first) {
            return null;
        }
        return mention(m, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), DatePrecision.YEAR, DateMention.Kind.EXPLICIT);
    }

    private static DateMention weekday(Matcher m, LocalDate anchor) {
        if (anchor == null) {
            return unresolved(m, DateMention.Kind.RELATIVE);
        }
        DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        String preposition = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
        LocalDate d = preposition.equals("last")
                ? anchor.minusDays(1).with(TemporalAdjusters.previousOrSame(dow))
                : anchor.with(TemporalAdjusters.previousOrSame(dow));
        if (preposition.equals("since") || preposition.equals("from")) {
            return mention(m, d, anchor, d.equals(anchor) ? DatePrecision.DAY : DatePrecision.WEEK, DateMention.Kind.RELATIVE);
        }
        return mention(m, d, null, DatePrecision.DAY, DateMention.Kind.RELATIVE);
    }

    private static DateMention relative(Matcher m, LocalDate anchor) {
        if (m.group(7) != null) {
            return unresolved(m, DateMention.Kind.SAME_DAY);
        }
        if (m.group(8) != null || m.group(9) != null) {
            return unresolved(m, DateMention.Kind.RETROSPECTIVE);
        }
        if (m.group(10) != null) {
            return unresolved(m, DateMention.Kind.DAY_BEFORE);
        }
        if (m.group(11) != null) {
            return unresolved(m, DateMention.Kind.DAY_AFTER);
        }
        if (anchor == null) {
            return unresolved(m, DateMention.Kind.RELATIVE);
        }
        if (m.group(1) != null) {
            return mention(m, anchor.minusDays(2), null, DatePrecision.DAY, DateMention.Kind.RELATIVE);
        }
        if (m.group(2) != null || m.group(4) != null) {
            return mention(m, anchor.minusDays(1), null, DatePrecision.DAY, DateMention.Kind.RELATIVE);
        }
        if (m.group(3) != null) {
            return mention(m, anchor, null, DatePrecision.DAY, DateMention.Kind.RELATIVE);
        }
        if (m.group(5) != null) {
            OptionalInt n = NumberWords.value(m.group(5));
            if (n.isEmpty() || n.getAsInt() > 60 || NumberWords.isArticle(m.group(5)) && !m.group(5).equalsIgnoreCase("a")) {
                return null;
            }
            return mention(m, anchor.minusDays(n.getAsInt()), null, DatePrecision.DAY, DateMention.Kind.RELATIVE);
        }
        return mention(m, anchor.minusDays(7), anchor.minusDays(1), DatePrecision.WEEK, DateMention.Kind.RELATIVE);
    }

    private static DateMention unresolved(Matcher m, DateMention.Kind kind) {
        return new DateMention(new Span(m.start(), m.end()), m.group(), null, null, null, kind);
    }

    private static DateMention mention(Matcher m, LocalDate date, LocalDate end, DatePrecision precision, DateMention.Kind kind) {
        return new DateMention(new Span(m.start(), m.end()), m.group(), date, end, precision, kind);
    }

    private static String key(String month) {
        return month.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[] en = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
        String[] ru = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"};
        for (int i = 0; i < 12; i++) {
            m.put(en[i], i + 1);
            m.put(en[i].substring(0, 3), i + 1);
            m.put(ru[i], i + 1);
        }
        m.put("sept", 9);
        return Map.copyOf(m);
    }
}
