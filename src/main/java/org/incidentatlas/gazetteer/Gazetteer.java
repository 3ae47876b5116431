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
 * Immutable once built; safe for concurrent use.
 */
public final class Gazetteer {

    private static final int MAX_SPAN = 6;
    private static final double MIN_NAME_SCORE = 0.55;
    /** Distances at which proximity bonuses fall to 1/e. */
    private static final double CONTEXT_SCALE_M = 30_000;

    private final List<Place> places;
    private final Map<String, Integer> positions = new HashMap<>();
    private final NameIndex index = new NameIndex();
    private final NameKeys keys;
    private final QueryWords words;
    /** The keys of each place's names, for matching admin units named in the context. */
    private final List<Set<String>> nameKeys = new ArrayList<>();

    public Gazetteer(List<Place> places, NameKeys keys, QueryWords words) {
        this.places = List.copyOf(places);
        this.keys = keys;
        this.words = words;
        for (int i = 0; i < this.places.size(); i++) {
            Place p = this.places.get(i);
            positions.put(p.id(), i);
            Set<String> own = new HashSet<>();
            own.add(nameKey(p.name()));
            index.add(i, nameKey(p.name()), p.name(), true);
            for (AltName alt : p.altNames()) {
                String k = nameKey(alt.name());
                own.add(k);
                index.add(i, k, alt.name(), false);
            }
            nameKeys.add(own);
        }
    }

    /** The key a name is indexed under: its tokens without wrapper words ("Tovuz rayonu" → "tovuz"). */
    private String nameKey(String name) {
        List<String> tokens = words.parse(name).nameTokens();
        return tokens.isEmpty() ? keys.key(name) : String.join(" ", tokens);
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

    /** Candidates for the query, best first, at most {@code query.limit()}. */
    public List<Candidate> search(GeocodeQuery query) {
        InlineContext split = InlineContext.split(query.text());
        QueryWords.Parsed parsed = words.parse(split.name());
        String contextText = join(split.context(), query.context());
        Context context = contextText == null ? Context.NONE : resolveContext(contextText);

        Map<Integer, NameMatch> matches = matchNames(parsed.nameTokens());
        List<Candidate> ranked = new ArrayList<>();
        for (Map.Entry<Integer, NameMatch> m : matches.entrySet()) {
            Place p = places.get(m.getKey());
            if (query.country() != null && !query.country().equals(p.country())) {
                continue;
            }
            double score = m.getValue().score() + typeFit(p.type(), parsed.typeHints()) + importance(p)
                    + context.bonus(p, this) + nearBonus(p, query.near());
            int precision = Math.max(p.geoPrecision(), parsed.approximate() ? 2 : 1);
            ranked.add(new Candidate(p, round(score), m.getValue().text(), precision));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> -c.place().type().importance())
                .thenComparing(c -> c.place().id()));
        return ranked.size() > query.limit() ? List.copyOf(ranked.subList(0, query.limit())) : ranked;
    }

    /** The best candidate, if any. */
    public Optional<Candidate> geocode(GeocodeQuery query) {
        List<Candidate> found = search(new GeocodeQuery(query.text(), query.context(), query.country(), query.near(), 1));
        return found.stream().findFirst();
    }

    private record NameMatch(double score, String text) {
    }

    /**
     * Looks up every span of up to {@value #MAX_SPAN} name tokens; a span that covers more of the
     * query counts for more, so "Nerkin Hand" beats a village called "Hand".
     */
    private Map<Integer, NameMatch> matchNames(List<String> tokens) {
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
                double weight = 0.6 + 0.4 * coverage;
                List<NameIndex.Name> exact = index.exact(key);
                for (NameIndex.Name n : exact) {
                    keep(best, n.place(), (n.primary() ? 1.0 : 0.97) * weight, n.text());
                }
                if (exact.isEmpty() && key.length() >= 4) {
                    for (NameIndex.Hit hit : index.fuzzy(key)) {
                        double similarity = 1.0 - hit.edits() / (double) Math.max(key.length(), hit.name().key().length());
                        keep(best, hit.name().place(), 0.92 * similarity * weight, hit.name().text());
                    }
                }
            }
        }
        best.values().removeIf(m -> m.score() < MIN_NAME_SCORE * 0.6);
        return best;
    }

    private static void keep(Map<Integer, NameMatch> best, int place, double score, String text) {
        NameMatch current = best.get(place);
        if (current == null || current.score() < score) {
            best.put(place, new NameMatch(score, text));
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

    /** What the context text names: admin units (by their name keys), places (for proximity) and countries. */
    private record Context(Set<String> adminKeys, List<Place> nearby, Set<String> countries) {
        static final Context NONE = new Context(Set.of(), List.of(), Set.of());

        double bonus(Place p, Gazetteer g) {
            if (nearby.isEmpty()) {
                return 0;
            }
            double b = 0;
            if ((p.admin1() != null && adminKeys.contains(g.nameKey(p.admin1())))
                    || (p.admin2() != null && adminKeys.contains(g.nameKey(p.admin2())))) {
                b += 0.3;
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
            if (countries.contains(p.country())) {
                b += 0.05;
            }
            return b;
        }
    }

    /** The places the context names: the best match of each of its name spans. */
    private Context resolveContext(String text) {
        QueryWords.Parsed parsed = words.parse(text);
        Map<Integer, NameMatch> matches = matchNames(parsed.nameTokens());
        List<Place> nearby = new ArrayList<>();
        Set<String> adminKeys = new HashSet<>();
        Set<String> countries = new HashSet<>();
        matches.entrySet().stream()
                .filter(e -> e.getValue().score() >= 0.6)
                .sorted(Map.Entry.<Integer, NameMatch>comparingByValue(Comparator.comparingDouble(NameMatch::score)).reversed()
                        .thenComparing(e -> -(places.get(e.getKey()).type().importance()
                                + typeFit(places.get(e.getKey()).type(), parsed.typeHints()))))
                .limit(3)
                .forEach(e -> {
                    Place c = places.get(e.getKey());
                    nearby.add(c);
                    countries.add(c.country());
                    if (c.type().isAdministrative()) {
                        adminKeys.addAll(nameKeys.get(e.getKey()));
                    }
                    if (c.admin1() != null) {
                        adminKeys.add(nameKey(c.admin1()));
                    }
                });
        return new Context(adminKeys, nearby, countries);
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
