package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;
import org.springframework.stereotype.Component;

/**
 * Turns a name in any script or spelling into its match key: ICU4J transliterates Armenian,
 * Cyrillic and other scripts to Latin and folds diacritics (Laçın, Лачин and Լաչին all become
 * "lacin"); then the romanisation habits that differ between sources are folded to one form
 * (kh/x/h, gh/ğ/g, sh/š/ş, ch/č/ç, dzh/dž/j, ts/c, y/i, -ou-/u, doubled letters), so that
 * "Nerkin Khand", "Nerkin Hand" and "Неркин Ханд" share the key "nerkin hand".
 */
@Component
public class NameKeys {

    /** ICU: script to Latin, the digraph conventions of ISO 9985 / GOST made explicit, then ASCII. */
    private static final String RULES = """
            ::NFC;
            ::Any-Latin;
            [šŠ] > sh; [čČ] > ch; [žŽ] > zh; [ǰ] > j; [ġĠǧǦğĞ] > gh;
            [əƏǝƎ] > e; [ıİ] > i; [xX] > kh; [ʻʼʹʺ'’‘`´] > ;
            ::Latin-ASCII;
            ::Lower;
            """;

    /** Ordered token rewrites on the ASCII form; earlier rules win (dzh before dz, ch before h). */
    private static final String[][] FOLDS = {
        {"dzh", "j"}, {"dj", "j"}, {"dz", "j"}, {"tch", "c"}, {"ch", "c"}, {"sh", "s"}, {"zh", "z"},
        {"kh", "h"}, {"gh", "g"}, {"ts", "c"}, {"tz", "c"}, {"ph", "p"}, {"th", "t"}, {"ou", "u"},
        {"q", "g"}, {"w", "v"}, {"y", "i"}};

    private final ThreadLocal<Transliterator> transliterator =
            ThreadLocal.withInitial(() -> Transliterator.createFromRules("atlas-names", RULES, Transliterator.FORWARD));

    /** The match key of a whole name: folded tokens joined by single spaces ("" for no letters). */
    public String key(String text) {
        return String.join(" ", tokens(text));
    }

    /** The folded tokens of a text, in order. */
    public List<String> tokens(String text) {
        return split(text).folded();
    }

    /**
     * The tokens before the romanisation folds (Latin, ASCII, lower case), one per folded token:
     * "Hakkâri" is "hakkari" here but "hakari" folded.
     */
    public List<String> plainTokens(String text) {
        return split(text).plain();
    }

    /** A text's tokens, folded and plain, from one transliteration. */
    public record Tokens(List<String> folded, List<String> plain) {
    }

    public Tokens split(String text) {
        if (text == null || text.isEmpty()) {
            return new Tokens(List.of(), List.of());
        }
        String latin = isAscii(text) ? text.toLowerCase(Locale.ROOT) : transliterator.get().transliterate(text);
        List<String> folded = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= latin.length(); i++) {
            char c = i < latin.length() ? latin.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = latin.substring(start, i);
                plain.add(token);
                folded.add(fold(token));
                start = -1;
            }
        }
        return new Tokens(folded, plain);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    static String fold(String token) {
        String t = token.startsWith("ye") && token.length() > 3 ? token.substring(1) : token;
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            String replacement = null;
            int consumed = 1;
            for (String[] rule : FOLDS) {
                if (t.startsWith(rule[0], i)) {
                    replacement = rule[1];
                    consumed = rule[0].length();
                    break;
                }
            }
            String piece = replacement != null ? replacement : String.valueOf(t.charAt(i));
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                // doubled letters are spelling noise across transliterations (Artanish/Artannish)
                if (out.length() == 0 || out.charAt(out.length() - 1) != c || Character.isDigit(c)) {
                    out.append(c);
                }
            }
            i += consumed;
        }
        return out.toString();
    }
}
