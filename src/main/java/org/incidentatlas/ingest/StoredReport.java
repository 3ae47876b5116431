package org.incidentatlas.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A report as stored: its id, the SHA-256 of its text (the idempotency key), metadata and text. */
public record StoredReport(long id, String contentSha256, String title, String url, String outlet,
                           OffsetDateTime publishedAt, String language, String text, Instant receivedAt) {
}
