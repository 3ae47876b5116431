package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word or number of report text with its offsets into the whole text. Words keep inner hyphens
 * ("Nagorno-Karabakh"); a possessive "’s" is its own token, so "Shusha’s" still names Shusha.
 */
record Token(String text, int start, int end) {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:-\\p{L}[\\p{L}\\p{M}]*)*|\\d+(?:[.,:]\\d+)*");

    static List<Token> of(String text, int offset, int end) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(offset, end);
        while (m.find()) {
            out.add(new Token(m.group(), m.start(), m.end()));
        }
        return out;
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    boolean capitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    boolean numeric() {
        return Character.isDigit(text.charAt(0));
    }
}
