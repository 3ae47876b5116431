package org.incidentatlas.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.incidentatlas.gazetteer.AltName;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.QueryWords;

/**
 * The match keys of every name the gazetteer knows, and the first words of its multi-word names:
 * a cheap test that spares a full look-up for the many capitalised words of a report that name no
 * place. Built once; immutable.
 */
final class KnownNames {

    private final Set<String> keys = new HashSet<>();
    private final Set<String> firstWords = new HashSet<>();

    KnownNames(Gazetteer gazetteer, NameKeys nameKeys, QueryWords words) {
        for (Place p : gazetteer.places()) {
            add(p.name(), nameKeys, words);
            for (AltName alt : p.altNames()) {
                add(alt.name(), nameKeys, words);
            }
        }
    }

    private void add(String name, NameKeys nameKeys, QueryWords words) {
        List<String> tokens = words.parse(name).nameTokens();
        if (tokens.isEmpty()) {
            tokens = nameKeys.tokens(name);
        }
        if (!tokens.isEmpty()) {
            keys.add(String.join(" ", tokens));
            firstWords.add(tokens.get(0));
        }
    }

    boolean isName(String key) {
        return keys.contains(key);
    }

    /** Whether a span starting with this word could be a (possibly misspelt) multi-word name. */
    boolean startsAName(String firstWord) {
        return firstWords.contains(firstWord);
    }
}
