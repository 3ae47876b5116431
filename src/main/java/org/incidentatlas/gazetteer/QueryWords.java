package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The words reports wrap place names in ("the village of", "X region", "in the direction of",
 * "near", "heights" … in English, Russian, Armenian and Azerbaijani). They are not part of the
 * name, but they say what kind of feature is meant and whether the location is approximate.
 */
@Component
public class QueryWords {

    /** A query split into name tokens and what its wrapper words said. */
    public record Parsed(List<String> tokens, List<String> nameTokens, Set<FeatureType> typeHints, boolean approximate,
                         List<String> plainNameTokens) {

        public String nameKey() {
            return String.join(" ", nameTokens);
        }
    }

    private enum Role { SETTLEMENT, REGION, DIRECTION, HEIGHT, NEAR, FILLER }

    private static final Map<Role, List<String>> WORDS = Map.of(
            Role.SETTLEMENT, List.of("village", "villages", "settlement", "settlements", "town", "city", "hamlet",
                    "community", "село", "села", "селе", "поселок", "посёлок", "поселка", "деревня", "город", "города",
                    "гюх", "գյուղ", "գյուղը", "գյուղում", "քաղաք", "kənd", "kəndi", "kəndində", "şəhər", "şəhəri", "qəsəbə"),
            Role.REGION, List.of("region", "regions", "district", "districts", "province", "rayon", "raion", "marz", "oblast",
                    "regional", "район", "района", "районе", "область", "области", "марз", "մարզ", "մարզում", "շրջան",
                    "rayonu", "rayonunun", "bölgəsi", "bölgə"),
            Role.DIRECTION, List.of("direction", "directions", "sector", "axis", "направление", "направлении", "направлениях",
                    "ուղղություն", "ուղղությամբ", "istiqamət", "istiqaməti", "istiqamətində", "istiqamətindəki"),
            Role.HEIGHT, List.of("height", "heights", "hill", "hills", "peak", "summit", "высота", "высоты", "высоте",
                    "բարձունք", "բարձունքներ", "yüksəklik", "yüksəkliyi", "yüksəklikləri", "təpə"),
            Role.NEAR, List.of("near", "nearby", "vicinity", "outskirts", "around", "close", "environs", "близ", "возле",
                    "около", "окрестности", "рядом", "մոտ", "մերձակայքում", "yaxınlığında", "ətrafında"),
            Role.FILLER, List.of("of", "the", "in", "at", "on", "a", "an", "from", "to", "and", "by", "into", "toward",
                    "towards", "area", "areas", "so", "called", "so-called", "в", "во", "на", "у", "под", "и", "из",
                    "ի", "և", "the", "de", "du", "la"));

    private static final Map<Role, Set<FeatureType>> HINTS = Map.of(
            Role.SETTLEMENT, EnumSet.of(FeatureType.CITY, FeatureType.TOWN, FeatureType.VILLAGE, FeatureType.POPULATED_PLACE),
            Role.REGION, EnumSet.of(FeatureType.REGION, FeatureType.DISTRICT),
            Role.DIRECTION, EnumSet.of(FeatureType.DIRECTION),
            Role.HEIGHT, EnumSet.of(FeatureType.HEIGHT, FeatureType.RIDGE));

    /** Words that stay in the name ("Lachin corridor", "Lake Sevan") but also say what is meant. */
    private static final Map<String, Set<FeatureType>> NAME_PART_HINTS = Map.of(
            "corridor", EnumSet.of(FeatureType.CORRIDOR, FeatureType.ROAD),
            "road", EnumSet.of(FeatureType.ROAD, FeatureType.CORRIDOR),
            "highway", EnumSet.of(FeatureType.ROAD, FeatureType.CORRIDOR),
            "lake", EnumSet.of(FeatureType.LAKE),
            "pass", EnumSet.of(FeatureType.PASS),
            "river", EnumSet.of(FeatureType.RIVER),
            "range", EnumSet.of(FeatureType.RIDGE),
            "ridge", EnumSet.of(FeatureType.RIDGE));

    private final NameKeys keys;
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, Set<FeatureType>> namePartHints = new HashMap<>();

    public QueryWords(NameKeys keys) {
        this.keys = keys;
        WORDS.forEach((role, words) -> words.forEach(w -> keys.tokens(w).forEach(t -> roles.putIfAbsent(t, role))));
        NAME_PART_HINTS.forEach((word, types) -> namePartHints.put(keys.key(word), types));
    }

    public Parsed parse(String text) {
        NameKeys.Tokens split = keys.split(text);
        List<String> tokens = split.folded();
        List<String> plain = split.plain();
        List<String> nameTokens = new ArrayList<>();
        List<String> plainNameTokens = new ArrayList<>();
        Set<FeatureType> hints = EnumSet.noneOf(FeatureType.class);
        boolean approximate = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Role role = roles.get(t);
            if (role == null) {
                nameTokens.add(t);
                plainNameTokens.add(i < plain.size() ? plain.get(i) : t);
                hints.addAll(namePartHints.getOrDefault(t, Set.of()));
                continue;
            }
            hints.addAll(HINTS.getOrDefault(role, Set.of()));
            approximate |= role == Role.NEAR || role == Role.DIRECTION;
        }
        return new Parsed(tokens, nameTokens, hints, approximate, plainNameTokens);
    }

    /** True if the token is a wrapper word (not part of a name). */
    public boolean isWrapper(String token) {
        return roles.containsKey(token);
    }
}
