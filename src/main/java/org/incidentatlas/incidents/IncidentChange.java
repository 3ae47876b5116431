package org.incidentatlas.incidents;

/**
 * One entry of a changes page: incident {@code id} as it now is ({@code incident}), or gone from the mirror's view
 * ({@code incident} null: deleted, or no longer matching the mirror's filter).
 */
public record IncidentChange(ChangePosition position, long id, Incident incident) {

    public boolean removed() {
        return incident == null;
    }
}
