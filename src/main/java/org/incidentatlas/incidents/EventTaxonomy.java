package org.incidentatlas.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types and sub-event types incidents are coded with: ACLED's political-violence and
 * demonstration taxonomy, with its own spellings, so exports line up with ACLED data.
 */
public final class EventTaxonomy {

    public static final String BATTLES = "Battles";
    public static final String EXPLOSIONS = "Explosions/Remote violence";
    public static final String VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians";
    public static final String STRATEGIC_DEVELOPMENTS = "Strategic developments";
    public static final String PROTESTS = "Protests";
    public static final String RIOTS = "Riots";

    private static final Map<String, Set<String>> SUB_TYPES = build();

    private EventTaxonomy() {
    }

    private static Map<String, Set<String>> build() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(BATTLES, Set.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        m.put(EXPLOSIONS, Set.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
                "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
        m.put(VIOLENCE_AGAINST_CIVILIANS, Set.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        m.put(STRATEGIC_DEVELOPMENTS, Set.of("Agreement", "Arrests", "Change to group/activity",
                "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"));
        m.put(PROTESTS, Set.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        m.put(RIOTS, Set.of("Violent demonstration", "Mob violence"));
        return java.util.Collections.unmodifiableMap(m);
    }

    public static List<String> eventTypes() {
        return List.copyOf(SUB_TYPES.keySet());
    }

    public static boolean isEventType(String eventType) {
        return SUB_TYPES.containsKey(eventType);
    }

    public static boolean isSubEventTypeOf(String eventType, String subEventType) {
        return SUB_TYPES.getOrDefault(eventType, Set.of()).contains(subEventType);
    }

    public static List<String> subEventTypes(String eventType) {
        return SUB_TYPES.getOrDefault(eventType, Set.of()).stream().sorted().toList();
    }
}
