package org.incidentatlas.ingest;

import java.time.OffsetDateTime;

/**
 * A news report as a user submits it. Only {@code text} is required; {@code publishedAt} anchors
 * relative dates ("yesterday", "on Wednesday") and, when absent, no day is ever invented.
 */
public record ReportInput(String text, String title, String url, String outlet,
                          OffsetDateTime publishedAt, String language) {
}
