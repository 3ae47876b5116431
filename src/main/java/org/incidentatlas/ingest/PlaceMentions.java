package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.GeocodeQuery;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;

/**
 * Finds the toponyms of a sentence and resolves them through the gazetteer. A name is a run of up
 * to four capitalised words (plus name parts such as "corridor" or "lake") whose key is a name the
 * gazetteer knows, exactly or within one or two edits for long names. Each is then geocoded with
 * the wrapper words around it ("in the direction of the settlement of …", "… region"), words
 * shared by a list ("the settlements of A, B and C"), a qualifier that locates it ("A, Syunik
 * region", "A on Lake Sevan") and the sentence's other places as context. Names inside an
 * actor's name ("Karabakh Defense Army") are not places, nor is a capital that speaks or acts
 * ("Baku said"); after a locative preposition ("in Baku") it is a place again.
 * One instance per report: it caches look-ups; not thread-safe.
 */
final class PlaceMentions {

    private static final int MAX_WORDS = 4;
    private static final Set<String> NAME_PARTS = Set.of("corridor", "pass", "lake", "river", "range", "ridge", "plateau",
            "highway", "road", "heights", "gorge", "valley", "reservoir");
    /** Capitalised words that are never toponyms in these reports, though a village may share the spelling. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "on", "in", "at", "and", "but", "then", "this",
            "that", "these", "those", "it", "he", "she", "they", "we", "his", "her", "its", "their", "there", "after", "before",
            "since", "during", "under", "over", "both", "each", "later", "earlier", "also", "however", "subsequently",
            "according", "photo", "read", "see", "home", "news", "more", "today", "yesterday", "publisher", "leave", "reply",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "armenian", "armenians", "azerbaijani", "azerbaijanis", "azeri", "azeris", "russian", "russians", "turkish",
            "iranian", "georgian", "ukrainian", "european", "american", "french", "soviet", "caucasus", "south",
            "north", "east", "west", "president", "minister", "ministry", "prime", "defense", "defence", "army", "republic",
            "operation", "state", "border", "service", "security", "council", "secretary", "union", "nations", "un", "eu",
            "csto", "osce", "nato", "sco", "bbc", "afp", "mod", "sbs", "nss", "nkr");
    private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "to", "from", "towards", "toward", "into",
            "outside", "around", "of", "inside", "within", "в", "во", "на", "у");
    /** Words for where forces stand, and for firing: "positions in X opened fire" names where fire came from. */
    private static final Set<String> POSTED = Set.of("positions", "position", "stationed", "deployed", "based", "posts");
    private static final Set<String> FIRED = Set.of("opened", "fired", "shelled", "shot", "launched", "opening", "firing");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "и", "և", "və");
    private static final Pattern LIST_GAP = Pattern.compile("\\s*(?:,|,?\\s*and|,?\\s*or)\\s*");
    /** "was announced in Baku", "said in Moscow": where words were spoken, not where anything happened. */
    private static final Pattern STATEMENT = Pattern.compile("\\b(?:announced|said|declared|stated|reported|told reporters|"
            + "briefing|press conference|statement)\\s+(?:\\w+\\s+){0,2}(?:in|at)\\s*$", Pattern.CASE_INSENSITIVE);
    /** "the X district of Y": Y locates the district ("the Syunik village of Z" is the other way round). */
    private static final Pattern OF = Pattern.compile("\\s*(?:district|region|province|rayon|raion|marz|oblast)\\s+of(?:\\s+the)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER_GAP = Pattern.compile("\\s*(?:,|\\(|in|on|of|near|in\\s+the|on\\s+the|of\\s+the)?\\s*");

    private final Gazetteer gazetteer;
    private final NameKeys keys;
    private final QueryWords words;
    private final LevenshteinDistance distance = new LevenshteinDistance(2);
    private final Map<String, Optional<String>> known = new HashMap<>();

    private final KnownNames names;

    PlaceMentions(Gazetteer gazetteer, NameKeys keys, QueryWords words, KnownNames names) {
        this.gazetteer = gazetteer;
        this.keys = keys;
        this.words = words;
        this.names = names;
    }

    /** The toponyms of the sentence, resolved, in order. */
    List<PlaceMention> find(String text, Sentence sentence, List<ActorMention> actors) {
        return find(text, sentence, actors, List.of());
    }

    /**
     * The toponyms of the sentence, resolved, in order; {@code reportAreas} are the provinces and
     * districts the report named in earlier sentences ("… in Gegharkunik province. The village of
     * X came under fire"): like the sentence's own other names, they keep a near-miss spelling
     * from landing outside them, and never veto an exact name.
     */
    List<PlaceMention> find(String text, Sentence sentence, List<ActorMention> actors, List<String> reportAreas) {
        List<Token> tokens = Token.of(text, sentence.start(), sentence.end());
        List<int[]> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.capitalised() || NOT_NAMES.contains(t.lower()) || insideActor(t, tokens, i, actors)) {
                continue;
            }
            for (int len = Math.min(MAX_WORDS, tokens.size() - i); len >= 1; len--) {
                if (isNameSpan(text, tokens, i, len) && knows(text.substring(t.start(), tokens.get(i + len - 1).end()))) {
                    names.add(new int[] {i, i + len});
                    i += len - 1;
                    break;
                }
            }
        }
        List<Phrase> phrases = new ArrayList<>();
        for (int[] n : names) {
            phrases.add(phrase(text, tokens, n[0], n[1]));
        }
        for (int k = 1; k < phrases.size(); k++) {
            Phrase prev = phrases.get(k - 1);
            Phrase cur = phrases.get(k);
            if (cur.prefix.isEmpty() && LIST_GAP.matcher(text.substring(prev.end, cur.start)).matches()) {
                phrases.set(k, cur.withPrefix(prev.prefix, prev.origin));
            }
        }
        for (int k = phrases.size() - 2; k >= 0; k--) {
            Phrase cur = phrases.get(k);
            Phrase next = phrases.get(k + 1);
            if (cur.suffix.isEmpty() && !next.suffix.isEmpty() && LIST_GAP.matcher(text.substring(cur.end, next.start)).matches()) {
                phrases.set(k, cur.withSuffix(next.suffix));
            }
        }
        List<Optional<Candidate>> first = new ArrayList<>();
        for (int k = 0; k < phrases.size(); k++) {
            boolean adjacent = k > 0 && QUALIFIER_GAP.matcher(text.substring(phrases.get(k - 1).end, Math.max(phrases.get(k - 1).end,
                    phrases.get(k).start))).matches()
                    || k + 1 < phrases.size() && QUALIFIER_GAP.matcher(text.substring(phrases.get(k).end, Math.max(phrases.get(k).end,
                    phrases.get(k + 1).start))).matches();
            first.add(adjacent ? resolve(phrases.get(k), null, null) : Optional.empty());
        }
        List<Optional<Candidate>> resolved = new ArrayList<>();
        for (int k = 0; k < phrases.size(); k++) {
            Phrase p = phrases.get(k);
            // the qualifier ("X, Syunik region") locates the name; the sentence's other names only help to rank
            String qualifier = k + 1 < phrases.size() && isQualifier(text, p, first.get(k), phrases.get(k + 1), first.get(k + 1))
                    ? phrases.get(k + 1).query() : null;
            StringBuilder mentioned = new StringBuilder();
            reportAreas.forEach(a -> mentioned.append(a).append(' '));
            for (int j = 0; j < phrases.size(); j++) {
                if (j != k && Math.abs(j - k) <= 3) {
                    mentioned.append(phrases.get(j).name).append(' ');
                }
            }
            resolved.add(resolve(p, qualifier, mentioned.toString().strip()));
        }
        List<PlaceMention> out = new ArrayList<>();
        for (int k = 0; k < phrases.size(); k++) {
            Phrase p = phrases.get(k);
            Optional<Candidate> c = resolved.get(k);
            if (c.isEmpty()) {
                continue;
            }
            // a name that stays unresolved in its context qualifies nothing: "Norabak in Gegharkunik province",
            // Norabak unknown, leaves the province as the place the sentence gives
            boolean qualifier = k > 0 && isQualifier(text, phrases.get(k - 1), resolved.get(k - 1), p, c);
            PlaceMention.Role role = qualifier ? PlaceMention.Role.QUALIFIER
                    : STATEMENT.matcher(text.substring(Math.max(sentence.start(), p.nameStart - 40), p.nameStart)).find()
                    ? PlaceMention.Role.STATEMENT
                    : p.origin ? PlaceMention.Role.ORIGIN : PlaceMention.Role.LOCATION;
            out.add(new PlaceMention(new Span(p.nameStart, p.nameEnd), new Span(p.start, p.end), p.name, c.get(), role));
        }
        return out;
    }

    /** A name with its wrapper words: prefix ("in the direction of the settlement of") and suffix ("region"). */
    private record Phrase(String prefix, String name, String suffix, int start, int end, int nameStart, int nameEnd, boolean origin) {

        String query() {
            return (prefix + " " + name + " " + suffix).strip();
        }

        Phrase withPrefix(String p, boolean o) {
            return new Phrase(p, name, suffix, start, end, nameStart, nameEnd, o || origin);
        }

        Phrase withSuffix(String s) {
            return new Phrase(prefix, name, s, start, end, nameStart, nameEnd, origin);
        }
    }

    private Phrase phrase(String text, List<Token> tokens, int from, int to) {
        int start = from;
        while (start > 0 && from - start < 7 && words.isWrapper(keys.key(tokens.get(start - 1).text()))
                && !CONJUNCTIONS.contains(tokens.get(start - 1).lower())
                && onlySpaces(text, tokens.get(start - 1).end(), tokens.get(start).start())) {
            start--;
        }
        int end = to;
        while (end < tokens.size() && end - to < 2 && isTypeWord(tokens.get(end).text())
                && onlySpaces(text, tokens.get(end - 1).end(), tokens.get(end).start())) {
            end++;
        }
        boolean origin = false;
        boolean posted = false;
        for (int i = Math.max(0, start - 4); i < from; i++) {
            origin |= tokens.get(i).lower().equals("from");
            posted |= POSTED.contains(tokens.get(i).lower());
        }
        // "units stationed in X opened fire", "positions near X fired": X is where fire came from
        for (int i = end; posted && i < Math.min(tokens.size(), end + 3); i++) {
            origin |= FIRED.contains(tokens.get(i).lower());
        }
        String prefix = start < from ? text.substring(tokens.get(start).start(), tokens.get(from).start()).strip() : "";
        String suffix = end > to ? text.substring(tokens.get(to).start(), tokens.get(end - 1).end()) : "";
        return new Phrase(prefix, text.substring(tokens.get(from).start(), tokens.get(to - 1).end()), suffix,
                tokens.get(start).start(), tokens.get(end - 1).end(), tokens.get(from).start(), tokens.get(to - 1).end(), origin);
    }

    private boolean isTypeWord(String token) {
        QueryWords.Parsed p = words.parse(token);
        return p.nameTokens().isEmpty() && (!p.typeHints().isEmpty() || p.approximate());
    }

    /**
     * "A, Syunik region", "A in the Tovuz region", "A on Lake Sevan": B locates A when it follows A
     * closely and is a coarser kind of feature (a region, a lake, a ridge for a village); in
     * "Dashkesan, Kalbajar and Lachin" the names are a list instead.
     */
    private static boolean isQualifier(String text, Phrase a, Optional<Candidate> resolvedA, Phrase b, Optional<Candidate> resolvedB) {
        if (resolvedA.isPresent() && resolvedB.isPresent() && b.nameStart >= a.nameEnd && resolvedA.get().place().type().isAdministrative()
                && OF.matcher(text.substring(a.nameEnd, b.nameStart)).matches()) {
            // "the Sadarak district of Nakhchivan": what follows a district's "of" says where the district is
            return true;
        }
        if (b.start < a.end || resolvedA.isEmpty() || resolvedB.isEmpty()
                || !QUALIFIER_GAP.matcher(text.substring(a.end, b.start)).matches()) {
            return false;
        }
        FeatureType typeA = resolvedA.get().place().type();
        FeatureType typeB = resolvedB.get().place().type();
        boolean locating = typeB.isAdministrative() || typeB == FeatureType.LAKE || typeB == FeatureType.RIDGE;
        return locating && typeA.geoPrecision() < typeB.geoPrecision();
    }

    /** The best candidate named like the phrase; one of the kind its wrapper words ask for ("X region") first. */
    private Optional<Candidate> resolve(Phrase p, String qualifier, String mentioned) {
        List<Candidate> found = gazetteer.search(new GeocodeQuery(p.query(), blankToNull(qualifier), null, null, 10,
                blankToNull(mentioned)));
        String key = nameKey(p.name);
        Set<FeatureType> asked = p.suffix.isEmpty() ? Set.of() : words.parse(p.suffix).typeHints();
        Candidate any = null;
        for (Candidate c : found) {
            if (close(key, nameKey(c.matchedName()))) {
                if (asked.isEmpty() || asked.contains(c.place().type())) {
                    return Optional.of(c);
                }
                any = any == null ? c : any;
            }
        }
        return Optional.ofNullable(any);
    }

    /**
     * Whether the gazetteer knows the name: its key exactly, or, for a name long enough to carry a
     * misspelling, a look-up's answer within an edit or two. A multi-word span is only looked up
     * when its first word begins some multi-word name.
     */
    private boolean knows(String name) {
        return known.computeIfAbsent(name, n -> {
            String key = nameKey(n);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            if (names.isName(key)) {
                return Optional.of(key);
            }
            int space = key.indexOf(' ');
            if (key.length() < 7 || space > 0 && !names.startsAName(key.substring(0, space))) {
                return Optional.empty();
            }
            for (Candidate c : gazetteer.search(new GeocodeQuery(n, null, null, null, 10))) {
                if (close(key, nameKey(c.matchedName()))) {
                    return Optional.of(c.place().id());
                }
            }
            return Optional.empty();
        }).isPresent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String nameKey(String name) {
        List<String> tokens = words.parse(name).nameTokens();
        return tokens.isEmpty() ? keys.key(name) : String.join(" ", tokens);
    }

    /** The same key, or within an edit for names of 7+ letters and two for 11+ (spelling drift, not other words). */
    private boolean close(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int allowed = Math.min(a.length(), b.length()) >= 11 ? 2 : Math.min(a.length(), b.length()) >= 7 ? 1 : 0;
        if (allowed == 0 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        int d = distance.apply(a, b);
        return d >= 0 && d <= allowed;
    }

    private boolean isNameSpan(String text, List<Token> tokens, int from, int len) {
        for (int i = from; i < from + len; i++) {
            Token t = tokens.get(i);
            if (i > from) {
                if (!onlySpaces(text, tokens.get(i - 1).end(), t.start())) {
                    return false;
                }
                if (!t.capitalised() && !NAME_PARTS.contains(t.lower())) {
                    return false;
                }
            }
            if (t.numeric()) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlySpaces(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Inside an actor's name, unless it is a capital after a locative preposition ("in Baku"). */
    private static boolean insideActor(Token t, List<Token> tokens, int i, List<ActorMention> actors) {
        for (ActorMention a : actors) {
            if (t.start() >= a.span().start() && t.end() <= a.span().end()) {
                boolean bareCapital = "government".equals(a.actor().kind()) && a.span().start() == t.start()
                        && a.span().end() == t.end();
                boolean locative = i > 0 && LOCATIVES.contains(tokens.get(i - 1).lower())
                        && !(i > 1 && tokens.get(i - 2).lower().equals("according"));
                return !(bareCapital && locative);
            }
        }
        return false;
    }
}
