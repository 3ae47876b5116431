package org.incidentatlas.ingest;

import java.util.List;

/**
 * What ingesting one report did: the stored report, whether it is new ({@code false}: the same
 * text was ingested before and nothing changed), the incidents created, updated (re-fused) and
 * merged away, the analyst-owned incidents it only added sources to, and how many events it gave.
 */
public record IngestResult(StoredReport report, boolean created, List<Long> incidentsCreated, List<Long> incidentsUpdated,
                           List<Long> incidentsMerged, List<Long> incidentsLinked, int events) {

    public IngestResult {
        incidentsCreated = List.copyOf(incidentsCreated);
        incidentsUpdated = List.copyOf(incidentsUpdated);
        incidentsMerged = List.copyOf(incidentsMerged);
        incidentsLinked = List.copyOf(incidentsLinked);
    }

    static IngestResult duplicate(StoredReport report) {
        return new IngestResult(report, false, List.of(), List.of(), List.of(), List.of(), 0);
    }
}
