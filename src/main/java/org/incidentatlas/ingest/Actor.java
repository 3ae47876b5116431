package org.incidentatlas.ingest;

import java.util.Set;

/**
 * One entry of the actor list ({@code geodata/actors/actors.tsv}): a normalised name, what kind
 * of actor it is, and the country it belongs to (ISO3, or null for the unrecognised republic's
 * bodies and international missions).
 */
record Actor(String id, String name, String kind, String country) {

    private static final Set<String> FORCES = Set.of("military", "border_guard", "security_service", "militia",
            "peacekeepers", "monitors", "civilians");

    /** Armed forces, border guards, militias, peacekeepers, monitors, civilians: those who act or suffer in an event. */
    boolean isForce() {
        return FORCES.contains(kind);
    }

    /** Ministries and governments: those who speak about events. */
    boolean isAuthority() {
        return "ministry".equals(kind) || "government".equals(kind);
    }
}
