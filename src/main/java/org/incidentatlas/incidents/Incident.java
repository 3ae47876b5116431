package org.incidentatlas.incidents;

import java.time.Instant;

import org.incidentatlas.borders.BorderMetrics;

/**
 * A stored incident: its data, where it lies relative to the borders (computed by the store), and
 * the store's bookkeeping. {@code version} increases on every update.
 */
public record Incident(long id, IncidentData data, BorderMetrics border, Instant createdAt, Instant updatedAt, int version) {
}
