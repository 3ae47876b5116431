package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.util.List;

/**
 * A report the incident was coded from. {@code id} is the report key claims refer to; for
 * ingested reports {@code report} is the stored report's id and {@code spans} are the stretches of
 * its text the incident was read from.
 */
public record SourceRef(String id, String url, String outlet, LocalDate published, String title, Long report,
                        List<TextSpan> spans) {

    public SourceRef {
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    public SourceRef(String id, String url, String outlet, LocalDate published) {
        this(id, url, outlet, published, null, null, List.of());
    }
}
