package org.incidentatlas.ingest;

import java.nio.charset.StandardCharsets;

import org.incidentatlas.storage.Sha256;

/** The content key of a report: SHA-256 of its text's UTF-8 bytes, in hex. Same text, same report. */
public final class ReportDigest {

    private ReportDigest() {
    }

    public static String of(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The short, order-independent source key incidents use for a report (its digest's first 12 hex digits). */
    public static String sourceKey(String sha256) {
        return "report-" + sha256.substring(0, 12);
    }
}
