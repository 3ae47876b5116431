package org.incidentatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content key of a report: SHA-256 of its text's UTF-8 bytes, in hex. Same text, same report. */
public final class ReportDigest {

    private ReportDigest() {
    }

    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The short, order-independent source key incidents use for a report (its digest's first 12 hex digits). */
    public static String sourceKey(String sha256) {
        return "report-" + sha256.substring(0, 12);
    }
}
