package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every name of every place under its match key, for exact look-ups, and a trigram index over the
 * keys for typo-tolerant ones: a key within k edits of the query shares at least
 * (length + 2 - 3k) of its padded trigrams, which prunes the candidates before the edit distance
 * is computed.
 */
final class NameIndex {

    /** One indexed name: the place, the key, the text, its key before the romanisation folds, and whether it is the primary name. */
    record Name(int place, String key, String text, String plainKey, boolean primary) {
    }

    /** A name found for a query key, {@code edits} away from it. */
    record Hit(Name name, int edits) {
    }

    private final List<Name> names = new ArrayList<>();
    private final Map<String, List<Name>> byKey = new HashMap<>();
    private final Map<String, List<Integer>> byTrigram = new HashMap<>();

    void add(int place, String key, String text, String plainKey, boolean primary) {
        if (key.isEmpty()) {
            return;
        }
        for (Name existing : byKey.getOrDefault(key, List.of())) {
            if (existing.place() == place) {
                return;
            }
        }
        Name name = new Name(place, key, text, plainKey, primary);
        int id = names.size();
        names.add(name);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
        for (String gram : trigrams(key)) {
            byTrigram.computeIfAbsent(gram, g -> new ArrayList<>()).add(id);
        }
    }

    List<Name> exact(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /**
     * Names within the edit budget for the key's length: none up to 4 letters (too many short names
     * are one edit apart), 1 up to 7, 2 up to 11, else 3.
     */
    List<Hit> fuzzy(String key) {
        int budget = budget(key.length());
        if (budget == 0) {
            return List.of();
        }
        List<String> grams = trigrams(key);
        int needed = Math.max(1, grams.size() - 3 * budget);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String gram : new HashSet<>(grams)) {
            for (int id : byTrigram.getOrDefault(gram, List.of())) {
                shared.merge(id, 1, Integer::sum);
            }
        }
        LevenshteinDistance distance = new LevenshteinDistance(budget);
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
            if (e.getValue() < needed) {
                continue;
            }
            Name name = names.get(e.getKey());
            if (Math.abs(name.key().length() - key.length()) > budget || !seen.add(name.key() + "#" + name.place())) {
                continue;
            }
            int edits = distance.apply(key, name.key());
            if (edits >= 0) {
                hits.add(new Hit(name, edits));
            }
        }
        return hits;
    }

    static int budget(int length) {
        return length <= 4 ? 0 : length <= 7 ? 1 : length <= 11 ? 2 : 3;
    }

    int size() {
        return names.size();
    }

    private static List<String> trigrams(String key) {
        String padded = "^^" + key + "$";
        List<String> grams = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }
}
