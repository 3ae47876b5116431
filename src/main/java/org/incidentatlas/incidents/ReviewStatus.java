package org.incidentatlas.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an incident stands in review: {@code extracted} by the ingestion pipeline and not yet
 * looked at, {@code reviewed} (confirmed or written by an analyst), or {@code rejected}. The
 * pipeline only ever rewrites extracted incidents.
 */
public enum ReviewStatus {
    EXTRACTED, REVIEWED, REJECTED;

    /** By code: every stored incident's code is looked up (a stream over the values was measurable per page). */
    private static final Map<String, ReviewStatus> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ReviewStatus::code, s -> s));

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    /** Analysts own reviewed and rejected incidents: fusion links new sources to them but never rewrites them. */
    public boolean ownedByAnalyst() {
        return this != EXTRACTED;
    }

    public static Optional<ReviewStatus> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
