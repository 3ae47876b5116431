package org.incidentatlas.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Reads a count written in digits ("14", "6,500") or English words ("two", "twenty-five", "a dozen"). */
final class NumberWords {

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("no", 0), Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("another", 1), Map.entry("single", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("both", 2), Map.entry("pair", 2));

    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1000);

    private NumberWords() {
    }

    /** The value of one token, or empty if it is no number. */
    static OptionalInt value(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            if (t.contains(":")) {
                return OptionalInt.empty();
            }
            String digits = t.replace(",", "");
            if (digits.contains(".")) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        Integer small = SMALL.get(t);
        if (small != null) {
            return OptionalInt.of(small);
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            Integer tens = SMALL.get(t.substring(0, dash));
            Integer unit = SMALL.get(t.substring(dash + 1));
            if (tens != null && unit != null && tens >= 20 && unit < 10) {
                return OptionalInt.of(tens + unit);
            }
        }
        return OptionalInt.empty();
    }

    /** A scale word following a number ("hundred", "thousand"), or 1. */
    static int scale(String token) {
        return SCALES.getOrDefault(token.toLowerCase(Locale.ROOT), 1);
    }

    /** True for the articles and "another", which count one only before a singular noun. */
    static boolean isArticle(String token) {
        return List.of("a", "an", "another").contains(token.toLowerCase(Locale.ROOT));
    }
}
