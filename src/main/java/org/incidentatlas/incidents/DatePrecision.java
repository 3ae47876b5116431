package org.incidentatlas.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How exactly the event date is known, as coded by analysts (ACLED's time precision, by name). */
public enum DatePrecision {
    DAY, WEEK, MONTH, YEAR;

    /** By code: every stored incident's code is looked up (a stream over the values was measurable per page). */
    private static final Map<String, DatePrecision> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DatePrecision::code, p -> p));

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static Optional<DatePrecision> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
