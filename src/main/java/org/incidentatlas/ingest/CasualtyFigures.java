package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads casualty figures from a sentence. A figure is a count (digits or words, "a"/"another" before
 * a singular noun, a range "25-30 thousand") with its hedge, some modifiers ("of its", "Armenian",
 * "other") and a noun for people ("soldiers", "servicemen", "others", "Armenians"); it is bound to
 * the nearest word for death ("killed", "deaths", "did not survive", "losses") or injury
 * ("injured", "wounded") within a few words. "Wounded Azerbaijani soldier" counts one; a denial of
 * "any casualties" counts zero.
 */
final class CasualtyFigures {

    private static final int WINDOW = 8;
    private static final Set<String> KILLED = Set.of("killed", "kill", "kills", "killing", "dead", "death", "deaths", "died", "die",
            "dies", "losses", "fatalities", "perished", "slain", "lives");
    private static final Set<String> INJURED = Set.of("injured", "injuring", "injury", "injuries", "wounded", "wounding", "wounds", "hurt");
    private static final Set<String> PLURAL_PEOPLE = Set.of("soldiers", "servicemen", "troops", "fighters", "people", "persons",
            "civilians", "members", "personnel", "others", "militants", "guards", "officers", "conscripts", "villagers", "residents",
            "men", "women", "children", "armenians", "azerbaijanis", "azeris", "peacekeepers", "policemen", "servicemembers",
            "contractors", "ones", "volunteers", "shepherds", "farmers");
    private static final Set<String> SINGULAR_PEOPLE = Set.of("soldier", "serviceman", "member", "civilian", "one", "fighter",
            "person", "officer", "guard", "conscript", "man", "woman", "child", "peacekeeper", "resident", "villager", "shepherd",
            "farmer", "servicemember", "militant", "contractor", "volunteer");
    private static final Set<String> MODIFIERS = Set.of("of", "the", "its", "their", "our", "other", "more", "local", "ethnic",
            "military", "armenian", "azerbaijani", "azeri", "russian", "militia", "army", "border", "civilian", "young", "conscript",
            "contract", "his", "her", "own", "them", "servicemen");
    private static final Map<String, String> SIDES = Map.of("armenian", "ARM", "armenians", "ARM", "azerbaijani", "AZE",
            "azerbaijanis", "AZE", "azeri", "AZE", "azeris", "AZE", "russian", "RUS");
    private static final Set<String> OWN = Set.of("its", "their", "our");
    private static final Set<String> BE = Set.of("was", "were", "been", "be", "is", "are", "being", "got");
    private static final Pattern DENIAL = Pattern.compile(
            "\\b(?:denied|denies|no|without)\\b[^.;]{0,60}?\\b(?:any )?(?:casualties|losses|deaths|injuries|victims)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACKER = Pattern.compile("\\b(?:from|by) the (Armenian|Azerbaijani|Azeri) (?:side|army|forces|troops|military)\\b"
            + "|\\bby (Armenia|Azerbaijan)\\b", Pattern.CASE_INSENSITIVE);

    private CasualtyFigures() {
    }

    private record Hedge(int tokens, String kind) {
    }

    static List<Figure> find(String text, Sentence s) {
        List<Token> tokens = Token.of(text, s.start(), s.end());
        List<Integer> cues = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            if (INJURED.contains(w) || KILLED.contains(w) && !(w.equals("lives") && !precededBy(tokens, i, "lost", 2))
                    || w.equals("survive") && precededBy(tokens, i, "not", 2)) {
                cues.add(i);
            }
        }
        List<Figure> out = new ArrayList<>();
        String defaultSide = attackedSide(text.substring(s.start(), s.end()));
        if (cues.isEmpty()) {
            denial(text, s, out);
            return out;
        }
        Set<Integer> bound = new java.util.HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            OptionalInt n = NumberWords.value(t.text());
            if (n.isEmpty() || t.text().equalsIgnoreCase("no") || t.text().equalsIgnoreCase("both")) {
                continue;
            }
            // "no one was hurt": a count of zero, not one
            int value = t.lower().equals("one") && prev(tokens, i).equals("no") ? 0 : n.getAsInt();
            int j = i + 1;
            Integer rangeHigh = null;
            if (j < tokens.size() && tokens.get(j).numeric() && text.substring(t.end(), tokens.get(j).start()).matches("\\s*[-–]\\s*")) {
                rangeHigh = NumberWords.value(tokens.get(j).text()).orElse(value);
                j++;
            }
            if (j < tokens.size() && NumberWords.scale(tokens.get(j).text()) > 1) {
                int scale = NumberWords.scale(tokens.get(j).text());
                value *= scale;
                rangeHigh = rangeHigh == null ? null : rangeHigh * scale;
                j++;
            }
            boolean article = NumberWords.isArticle(t.text());
            String side = null;
            int noun = -1;
            for (int k = j; k < Math.min(tokens.size(), j + 5); k++) {
                String w = tokens.get(k).lower();
                if (k == j && !article && BE.contains(w) && k + 1 < tokens.size()
                        && (KILLED.contains(tokens.get(k + 1).lower()) || INJURED.contains(tokens.get(k + 1).lower()))) {
                    noun = i; // "one was wounded", "two were killed"
                    break;
                }
                if ((article ? SINGULAR_PEOPLE : PLURAL_PEOPLE).contains(w) || !article && SINGULAR_PEOPLE.contains(w) && value == 1
                        || !article && (KILLED.contains(w) || INJURED.contains(w)) && k == j) {
                    noun = k;
                    side = side == null ? SIDES.get(w) : side;
                    break;
                }
                if (!MODIFIERS.contains(w)) {
                    break;
                }
                if (SIDES.containsKey(w)) {
                    side = SIDES.get(w);
                } else if (OWN.contains(w)) {
                    side = Figure.CLAIMANT_SIDE;
                }
            }
            if (noun < 0) {
                continue;
            }
            Integer cue = nearestCue(cues, i, noun);
            if (cue == null) {
                continue;
            }
            bound.add(cue);
            Hedge hedge = hedge(tokens, i);
            int start = tokens.get(i - hedge.tokens()).start();
            Span span = new Span(start, tokens.get(noun).end());
            boolean killed = !INJURED.contains(tokens.get(cue).lower());
            out.add(figure(span, text.substring(span.start(), span.end()), killed, value, rangeHigh, hedge.kind(),
                    side != null ? side : defaultSide));
            i = noun;
        }
        for (int cue : cues) {
            Token c = tokens.get(cue);
            if (bound.contains(cue) || BE.contains(prev(tokens, cue)) || !c.lower().endsWith("ed")) {
                continue;
            }
            // an active verb with a bare singular object: "wounded Azerbaijani soldier"
            String side = null;
            for (int k = cue + 1; k < Math.min(tokens.size(), cue + 4); k++) {
                String w = tokens.get(k).lower();
                if (SINGULAR_PEOPLE.contains(w) && !w.equals("one")) {
                    Span span = new Span(c.start(), tokens.get(k).end());
                    out.add(figure(span, text.substring(span.start(), span.end()), !INJURED.contains(c.lower()), 1, null, "",
                            side != null ? side : defaultSide));
                    break;
                }
                if (SIDES.containsKey(w)) {
                    side = SIDES.get(w);
                } else if (!MODIFIERS.contains(w)) {
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            denial(text, s, out);
        }
        return out;
    }

    /** "denied any casualties among its troops", "no losses": zero killed and zero injured. */
    private static void denial(String text, Sentence s, List<Figure> out) {
        Matcher denial = DENIAL.matcher(text).region(s.start(), s.end());
        if (denial.find()) {
            String words = denial.group().toLowerCase(java.util.Locale.ROOT);
            String side = words.contains("armenian") ? "ARM" : words.contains("azerbaijani") ? "AZE" : Figure.CLAIMANT_SIDE;
            Span span = new Span(denial.start(), denial.end());
            out.add(figure(span, denial.group(), true, 0, null, "", side));
            out.add(figure(span, denial.group(), false, 0, null, "", side));
        }
    }

    private static String prev(List<Token> tokens, int i) {
        return i > 0 ? tokens.get(i - 1).lower() : "";
    }

    private static boolean precededBy(List<Token> tokens, int i, String word, int within) {
        for (int k = Math.max(0, i - within); k < i; k++) {
            if (tokens.get(k).lower().equals(word) || tokens.get(k).lower().equals("didn") && word.equals("not")) {
                return true;
            }
        }
        return false;
    }

    /** The cue nearest the figure (counting from its count and its noun), within the window. */
    private static Integer nearestCue(List<Integer> cues, int first, int last) {
        Integer best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int c : cues) {
            int d = c < first ? first - c : c > last ? c - last : 0;
            if (d <= WINDOW && (d < bestDistance || d == bestDistance && c > last)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static Hedge hedge(List<Token> tokens, int i) {
        String one = i >= 1 ? tokens.get(i - 1).lower() : "";
        String two = i >= 2 ? tokens.get(i - 2).lower() + " " + one : "";
        String three = i >= 3 ? tokens.get(i - 3).lower() + " " + two : "";
        if (three.equals("no fewer than") || three.equals("not less than")) {
            return new Hedge(3, "low");
        }
        if (two.equals("at least") || two.equals("more than")) {
            return new Hedge(2, "low");
        }
        if (two.equals("up to") || two.equals("as many") || two.equals("at most") || two.equals("less than")) {
            return new Hedge(2, "high");
        }
        if (one.equals("over")) {
            return new Hedge(1, "low");
        }
        if (one.equals("nearly") || one.equals("almost")) {
            return new Hedge(1, "high");
        }
        if (one.equals("about") || one.equals("around") || one.equals("approximately") || one.equals("roughly") || one.equals("some")) {
            return new Hedge(1, "approx");
        }
        return new Hedge(0, "");
    }

    private static Figure figure(Span span, String text, boolean killed, int value, Integer rangeHigh, String hedge, String side) {
        if (rangeHigh != null && rangeHigh > value) {
            return new Figure(span, text, killed, value, null, rangeHigh, side);
        }
        return switch (hedge) {
            case "low" -> new Figure(span, text, killed, value, value, null, side);
            case "high" -> new Figure(span, text, killed, null, value, value, side);
            case "approx" -> new Figure(span, text, killed, null, value, null, side);
            default -> new Figure(span, text, killed, value, value, value, side);
        };
    }

    /** "from the Azerbaijani side", "by Azerbaijan": the victims are on the other side of the pair. */
    private static String attackedSide(String sentence) {
        Matcher m = ATTACKER.matcher(sentence);
        if (!m.find()) {
            return null;
        }
        String who = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
        return who.startsWith("arm") ? "AZE" : "ARM";
    }
}
