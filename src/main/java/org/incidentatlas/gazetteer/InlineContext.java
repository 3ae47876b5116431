package org.incidentatlas.gazetteer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits "Chinarly in the Tovuzgalin region", "Martuni, Gegharkunik" or "Martuni (Chambarak)" into
 * the name and the context given with it, so the admin unit disambiguates the name instead of competing with it.
 */
record InlineContext(String name, String context) {

    /** A separator after at least one word: a comma, or in/on/at/within (and their Russian forms). */
    private static final Pattern SEPARATOR = Pattern.compile(
            "^(\\s*\\p{L}[^,]*?)(?:\\s*,\\s*|\\s+(?:in|on|at|within|inside|в|во|на)\\s+)(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "Martuni (Chambarak)", "Khnatsakh (Khojaly)": the brackets say where. */
    private static final Pattern BRACKETED = Pattern.compile("^\\s*(\\p{L}[^()]*?)\\s*\\(([^()]+)\\)\\s*$");

    private static final Pattern LEADING_WRAPPER = Pattern.compile(
            "^\\s*(?:in|on|at|near|towards?|from)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static InlineContext split(String text) {
        if (text == null) {
            return new InlineContext("", null);
        }
        if (LEADING_WRAPPER.matcher(text).matches()) {
            return new InlineContext(text, null);
        }
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            return new InlineContext(bracketed.group(1), bracketed.group(2));
        }
        Matcher m = SEPARATOR.matcher(text);
        if (m.matches()) {
            return new InlineContext(m.group(1), m.group(2));
        }
        return new InlineContext(text, null);
    }
}
