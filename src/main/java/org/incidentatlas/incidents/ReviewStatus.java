package org.incidentatlas.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident stands in review: {@code extracted} by the ingestion pipeline and not yet
 * looked at, {@code reviewed} (confirmed or written by an analyst), or {@code rejected}. The
 * pipeline only ever rewrites extracted incidents.
 */
public enum ReviewStatus {
    EXTRACTED, REVIEWED, REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Analysts own reviewed and rejected incidents: fusion links new sources to them but never rewrites them. */
    public boolean ownedByAnalyst() {
        return this != EXTRACTED;
    }

    public static Optional<ReviewStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
