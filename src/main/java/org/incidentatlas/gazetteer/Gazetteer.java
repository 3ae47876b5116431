package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.sf.geographiclib.Geodesic;

/**
 * Geocodes place names: every span of the query's name words is looked up exactly and, failing
 * that, within a few edits; the places found are ranked by how well the name matched, what the
 * wrapper words asked for (a region, a height, a direction), the context (admin units named with
 * the place, places mentioned nearby, a point), and the feature's importance.
 * <p>Precision comes first: a wrong pin is worse than no answer. A candidate that matched only
 * fuzzily or on part of the name is an answer only when its score clears the fuzzy threshold, and
 * no candidate outside the area that the query gives (the country, {@code near}, a country or
 * admin unit named in the context) is an answer, however good its name; see {@link ContextArea}.
 * Immutable once built; safe for concurrent use.
 */
public final class Gazetteer {

    /**
     * The score a fuzzy or partial match must reach: one wrong letter in eight. Chosen on the
     * near-miss set ({@code geodata/gold/near-miss.tsv}, docs/BENCHMARKS.md): with a context no
     * threshold gives a wrong pin; without one, 0.875 is the lowest at which no fuzzy answer is a
     * wrong pin (Norabak → Norabats scores 0.857). Setting: atlas.gazetteer.fuzzy-threshold.
     */
    public static final double DEFAULT_FUZZY_THRESHOLD = 0.875;
    /** Countries whose romanisations the name keys fold (kh/h, doubled letters …); elsewhere a name must match as spelt. */
    private static final Set<String> FOLDED_COUNTRIES = Set.of("ARM", "AZE", "GEO");
    private static final int MAX_SPAN = 6;
    private static final double MIN_NAME_SCORE = 0.55;
    /** Distances at which proximity bonuses fall to 1/e. */
    private static final double CONTEXT_SCALE_M = 30_000;

    private final List<Place> places;
    private final Map<String, Integer> positions = new HashMap<>();
    private final NameIndex index = new NameIndex();
    private final NameKeys keys;
    private final QueryWords words;
    private final double fuzzyThreshold;
    private final CountryNames countries;
    /** The keys of each place's names, for matching admin units named in the context. */
    private final List<Set<String>> nameKeys = new ArrayList<>();
    /** The keys of each place's admin1 and admin2 names (null where unknown), computed once. */
    private final String[] admin1Keys;
    private final String[] admin2Keys;

    public Gazetteer(List<Place> places, NameKeys keys, QueryWords words) {
        this(places, keys, words, DEFAULT_FUZZY_THRESHOLD);
    }

    public Gazetteer(List<Place> places, NameKeys keys, QueryWords words, double fuzzyThreshold) {
        if (!(fuzzyThreshold >= 0 && fuzzyThreshold <= 1)) {
            throw new IllegalArgumentException("the fuzzy threshold is a score from 0 to 1; got " + fuzzyThreshold);
        }
        this.places = List.copyOf(places);
        this.admin1Keys = new String[this.places.size()];
        this.admin2Keys = new String[this.places.size()];
        this.keys = keys;
        this.words = words;
        this.fuzzyThreshold = fuzzyThreshold;
        this.countries = new CountryNames(keys);
        for (int i = 0; i < this.places.size(); i++) {
            Place p = this.places.get(i);
            positions.put(p.id(), i);
            Set<String> own = new HashSet<>();
            own.add(nameKey(p.name()));
            index.add(i, nameKey(p.name()), p.name(), plainKey(p.name()), true);
            for (AltName alt : p.altNames()) {
                String k = nameKey(alt.name());
                own.add(k);
                index.add(i, k, alt.name(), plainKey(alt.name()), false);
            }
            nameKeys.add(own);
            admin1Keys[i] = p.admin1() == null ? null : nameKey(p.admin1());
            admin2Keys[i] = p.admin2() == null ? null : nameKey(p.admin2());
        }
    }

    /** The key a name is indexed under: its tokens without wrapper words ("Tovuz rayonu" → "tovuz"). */
    String nameKey(String name) {
        List<String> tokens = words.parse(name).nameTokens();
        return tokens.isEmpty() ? keys.key(name) : String.join(" ", tokens);
    }

    private String plainKey(String name) {
        List<String> tokens = words.parse(name).plainNameTokens();
        return tokens.isEmpty() ? String.join(" ", keys.plainTokens(name)) : String.join(" ", tokens);
    }

    public List<Place> places() {
        return places;
    }

    public Optional<Place> place(String id) {
        Integer i = positions.get(id);
        return i == null ? Optional.empty() : Optional.of(places.get(i));
    }

    public int nameCount() {
        return index.size();
    }

    /** The score below which a fuzzy or partial match is not an answer. */
    public double fuzzyThreshold() {
        return fuzzyThreshold;
    }

    /** Candidates for the query, best first, at most {@code query.limit()}. */
    public List<Candidate> search(GeocodeQuery query) {
        return search(query, fuzzyThreshold);
    }

    /**
     * Candidates with a fuzzy threshold other than the configured one (0 keeps every fuzzy match
     * that lies in the query's area): for calibrating the threshold.
     */
    public List<Candidate> search(GeocodeQuery query, double threshold) {
        InlineContext split = InlineContext.split(query.text());
        QueryWords.Parsed parsed = words.parse(split.name());
        String given = join(split.context(), query.context());
        String all = join(given, query.mentioned());
        Context context = all == null ? Context.NONE : resolveContext(all);
        Context strict = given == null ? Context.NONE : given.equals(all) ? context : resolveContext(given);
        Context mentioned = query.mentioned() == null ? Context.NONE : resolveContext(query.mentioned());
        ContextArea area = new ContextArea(query.country(), query.near(), strict.admins(), strict.places(), strict.countries(),
                mentioned.admins(), mentioned.places());

        Map<Integer, NameMatch> matches = matchNames(parsed.nameTokens(), parsed.plainNameTokens());
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<Integer, NameMatch> m : matches.entrySet()) {
            Place p = places.get(m.getKey());
            NameMatch match = m.getValue();
            if (match.kind() != MatchKind.EXACT && match.score() < threshold) {
                continue;
            }
            if (!area.admits(p, match.kind() == MatchKind.EXACT, parsed.typeHints(), this)) {
                continue;
            }
            double rank = match.rank() + typeFit(p.type(), parsed.typeHints()) + importance(p)
                    + context.bonus(p, this) + nearBonus(p, query.near());
            int precision = Math.max(p.geoPrecision(), parsed.approximate() ? 2 : 1);
            ranked.add(new Ranked(new Candidate(p, round(match.score()), match.text(), precision, match.kind()), rank));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::rank).reversed()
                .thenComparing(r -> -r.candidate().place().type().importance())
                .thenComparing(r -> r.candidate().place().id()));
        return ranked.stream().limit(query.limit()).map(Ranked::candidate).toList();
    }

    /** The best candidate, if any. */
    public Optional<Candidate> geocode(GeocodeQuery query) {
        List<Candidate> found = search(query.withLimit(1));
        return found.stream().findFirst();
    }

    private record Ranked(Candidate candidate, double rank) {
    }

    /**
     * How a place's name matched: {@code rank} orders candidates (the span's share of the query
     * counts, so "Nerkin Hand" beats a village called "Hand"); {@code score} is the calibrated
     * [0, 1] agreement of the names; {@code spanExact} says the matched span's key is a name of the
     * place, for context names, which are spans of a longer text.
     */
    private record NameMatch(double rank, double score, String text, MatchKind kind, boolean spanExact) {

        boolean better(NameMatch other) {
            return other == null || rank > other.rank();
        }
    }

    /** Looks up every span of up to {@value #MAX_SPAN} name tokens, exactly and, failing that, within a few edits. */
    private Map<Integer, NameMatch> matchNames(List<String> tokens, List<String> plainTokens) {
        Map<Integer, NameMatch> best = new HashMap<>();
        int total = tokens.stream().mapToInt(String::length).sum();
        if (total == 0) {
            return best;
        }
        for (int len = Math.min(tokens.size(), MAX_SPAN); len >= 1; len--) {
            for (int start = 0; start + len <= tokens.size(); start++) {
                List<String> span = tokens.subList(start, start + len);
                String key = String.join(" ", span);
                double coverage = span.stream().mapToInt(String::length).sum() / (double) total;
                boolean whole = len == tokens.size();
                double weight = 0.6 + 0.4 * coverage;
                List<NameIndex.Name> exact = index.exact(key);
                for (NameIndex.Name n : exact) {
                    double rank = (n.primary() ? 1.0 : 0.97) * weight;
                    NameMatch m;
                    if (!FOLDED_COUNTRIES.contains(places.get(n.place()).country())
                            && !String.join(" ", plainTokens.subList(start, start + len)).equals(n.plainKey())) {
                        // the romanisation folds are for this region's names: "Hakari" is not Hakkâri (Turkey)
                        double similarity = similarity(String.join(" ", plainTokens.subList(start, start + len)), n.plainKey());
                        m = new NameMatch(0.92 * similarity * weight, similarity * coverage, n.text(),
                                whole ? MatchKind.FUZZY : MatchKind.PARTIAL, false);
                    } else {
                        m = new NameMatch(rank, whole ? 1.0 : coverage, n.text(), whole ? MatchKind.EXACT : MatchKind.PARTIAL, true);
                    }
                    keep(best, n.place(), m);
                }
                if (exact.isEmpty() && key.length() >= 4) {
                    for (NameIndex.Hit hit : index.fuzzy(key)) {
                        double similarity = similarity(key, hit.name().key(), hit.edits());
                        keep(best, hit.name().place(), new NameMatch(0.92 * similarity * weight, similarity * coverage,
                                hit.name().text(), whole ? MatchKind.FUZZY : MatchKind.PARTIAL, false));
                    }
                }
            }
        }
        best.values().removeIf(m -> m.rank() < MIN_NAME_SCORE * 0.6);
        return best;
    }

    private static double similarity(String a, String b) {
        return similarity(a, b, org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b));
    }

    /**
     * The share of the longer key that the edits leave alone; a different first letter counts as
     * a second edit, since misspellings seldom touch it and other names often differ just there
     * (Lalakend is not Balakend, Dovegh's old name).
     */
    private static double similarity(String a, String b, int edits) {
        int cost = edits + (!a.isEmpty() && !b.isEmpty() && a.charAt(0) != b.charAt(0) ? 1 : 0);
        return Math.max(0, 1.0 - cost / (double) Math.max(1, Math.max(a.length(), b.length())));
    }

    private static void keep(Map<Integer, NameMatch> best, int place, NameMatch m) {
        if (m.better(best.get(place))) {
            best.put(place, m);
        }
    }

    private static double typeFit(FeatureType type, Set<FeatureType> hints) {
        if (hints.isEmpty()) {
            return 0;
        }
        return hints.contains(type) ? 0.15 : -0.05;
    }

    private static double importance(Place p) {
        double population = p.population() == null || p.population() <= 1 ? 0
                : Math.min(0.05, Math.log10(p.population()) / 100);
        return p.type().importance() + population;
    }

    private static double nearBonus(Place p, double[] near) {
        if (near == null) {
            return 0;
        }
        return 0.3 * Math.exp(-metres(p, near[0], near[1]) / CONTEXT_SCALE_M);
    }

    static double metres(Place p, double lon, double lat) {
        return Geodesic.WGS84.Inverse(p.lat(), p.lon(), lat, lon).s12;
    }

    /** Whether the place is, or lies in, one of the admin units (by name: admin1 or admin2). */
    boolean inAdminUnit(Place p, List<Place> admins) {
        if (admins.isEmpty()) {
            return false;
        }
        int i = positions.get(p.id());
        for (Place a : admins) {
            Set<String> names = nameKeys.get(positions.get(a.id()));
            if (p.id().equals(a.id())
                    || (admin1Keys[i] != null && names.contains(admin1Keys[i]))
                    || (admin2Keys[i] != null && names.contains(admin2Keys[i]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the context text names: admin units (by their name keys) and places for the ranking
     * bonus, and, for the area vetoes, the admin units, other places and countries it names exactly.
     */
    private record Context(Set<String> adminKeys, List<Place> nearby, Set<String> nearbyCountries,
                           List<Place> admins, List<Place> places, Set<String> countries) {
        static final Context NONE = new Context(Set.of(), List.of(), Set.of(), List.of(), List.of(), Set.of());

        double bonus(Place p, Gazetteer g) {
            if (nearby.isEmpty()) {
                return 0;
            }
            double b = 0;
            int i = g.positions.get(p.id());
            boolean inAdmin2 = g.admin2Keys[i] != null && adminKeys.contains(g.admin2Keys[i]);
            if ((g.admin1Keys[i] != null && adminKeys.contains(g.admin1Keys[i])) || inAdmin2) {
                b += 0.3;
            }
            if (inAdmin2) {
                // the finer unit: "Martuni (Chambarak)" is the village of Chambarak municipality, not the town
                b += 0.1;
            }
            double closest = Double.MAX_VALUE;
            for (Place c : nearby) {
                if (!c.id().equals(p.id())) {
                    closest = Math.min(closest, metres(p, c.lon(), c.lat()));
                }
            }
            if (closest < Double.MAX_VALUE) {
                b += 0.25 * Math.exp(-closest / CONTEXT_SCALE_M);
            }
            if (nearbyCountries.contains(p.country())) {
                b += 0.05;
            }
            return b;
        }
    }

    /**
     * What the context names: for the ranking, the best match of each of its name spans; for the
     * area, the admin units and places whose name is a span of it exactly, and the countries it names.
     */
    private Context resolveContext(String text) {
        QueryWords.Parsed parsed = words.parse(text);
        Map<Integer, NameMatch> matches = matchNames(parsed.nameTokens(), parsed.plainNameTokens());
        List<Place> nearby = new ArrayList<>();
        Set<String> adminKeys = new HashSet<>();
        Set<String> nearbyCountries = new HashSet<>();
        matches.entrySet().stream()
                .filter(e -> e.getValue().rank() >= 0.6)
                .sorted(Map.Entry.<Integer, NameMatch>comparingByValue(Comparator.comparingDouble(NameMatch::rank)).reversed()
                        .thenComparing(e -> -(places.get(e.getKey()).type().importance()
                                + typeFit(places.get(e.getKey()).type(), parsed.typeHints()))))
                .limit(3)
                .forEach(e -> {
                    Place c = places.get(e.getKey());
                    nearby.add(c);
                    nearbyCountries.add(c.country());
                    if (c.type().isAdministrative()) {
                        adminKeys.addAll(nameKeys.get(e.getKey()));
                    } else if (c.type().isSettlement()) {
                        // a town names the municipality it is the seat of (admin2 in Armenia)
                        adminKeys.add(nameKey(c.name()));
                    }
                    if (admin1Keys[e.getKey()] != null) {
                        adminKeys.add(admin1Keys[e.getKey()]);
                    }
                });
        List<Place> admins = new ArrayList<>();
        Set<String> adminWords = new HashSet<>();
        matches.entrySet().stream().filter(e -> e.getValue().spanExact()).sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Place c = places.get(e.getKey());
            if (c.type() == FeatureType.REGION || c.type() == FeatureType.DISTRICT) {
                admins.add(c);
                adminWords.add(nameKey(e.getValue().text()));
            }
        });
        // "Tavush" names the province; the village of that name is not a second area around it
        List<Place> named = new ArrayList<>();
        matches.entrySet().stream().filter(e -> e.getValue().spanExact()).sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Place c = places.get(e.getKey());
            if (c.type() != FeatureType.REGION && c.type() != FeatureType.DISTRICT && !adminWords.contains(nameKey(e.getValue().text()))) {
                named.add(c);
            }
        });
        return new Context(adminKeys, nearby, nearbyCountries, admins, named, countries.named(parsed.nameTokens()));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
