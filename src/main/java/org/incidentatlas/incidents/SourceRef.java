package org.incidentatlas.incidents;

import java.time.LocalDate;

/** A report the incident was coded from. {@code id} is the report id or the analyst's own key. */
public record SourceRef(String id, String url, String outlet, LocalDate published) {
}
