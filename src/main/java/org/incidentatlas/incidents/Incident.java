package org.incidentatlas.incidents;

import java.time.Instant;

/** A stored incident: its data plus the store's bookkeeping. {@code version} increases on every update. */
public record Incident(long id, IncidentData data, Instant createdAt, Instant updatedAt, int version) {
}
