package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits report text into sentences (ICU4J's sentence BreakIterator) and numbers the paragraphs:
 * a line break starts a new paragraph, as news items put one paragraph per line.
 */
final class Sentences {

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(ULocale.ENGLISH);
        it.setText(text);
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int scanned = 0;
        boolean seenText = false;
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            for (int i = scanned; i < s; i++) {
                if (text.charAt(i) == '\n' && seenText) {
                    paragraph++;
                    // blank lines between paragraphs count once
                    while (i + 1 < s && Character.isWhitespace(text.charAt(i + 1))) {
                        i++;
                    }
                }
            }
            scanned = e;
            seenText = true;
            out.add(new Sentence(out.size(), paragraph, new Span(s, e), text.substring(s, e)));
        }
        return out;
    }
}
