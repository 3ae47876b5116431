package org.incidentatlas.gazetteer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The countries of the region by their names in English, Russian, Armenian, Azerbaijani and Turkish,
 * so that a context such as "Tovuz, Azerbaijan" confines the answer to that country.
 */
final class CountryNames {

    private static final Map<String, List<String>> NAMES = Map.of(
            "ARM", List.of("Armenia", "Армения", "Հայաստան", "Ermənistan", "Ermenistan"),
            "AZE", List.of("Azerbaijan", "Азербайджан", "Ադրբեջան", "Azərbaycan", "Azerbaycan"),
            "GEO", List.of("Georgia", "Грузия", "Վրաստան", "Gürcüstan", "Sakartvelo"),
            "IRN", List.of("Iran", "Иран", "Իրան", "İran"),
            "TUR", List.of("Turkey", "Türkiye", "Турция", "Թուրքիա", "Türkiyə"),
            "RUS", List.of("Russia", "Россия", "Ռուսաստան", "Rusiya"));

    private final Map<String, String> byKey = new HashMap<>();

    CountryNames(NameKeys keys) {
        NAMES.forEach((iso3, names) -> names.forEach(n -> byKey.put(keys.key(n), iso3)));
    }

    /** The countries named by any of the tokens. */
    Set<String> named(List<String> tokens) {
        Set<String> out = new HashSet<>();
        for (String t : tokens) {
            String iso3 = byKey.get(t);
            if (iso3 != null) {
                out.add(iso3);
            }
        }
        return out;
    }
}
