package org.incidentatlas.incidents;

import java.util.Arrays;
import java.util.Optional;

/** How exactly the event date is known, as coded by analysts (ACLED's time precision, by name). */
public enum DatePrecision {
    DAY, WEEK, MONTH, YEAR;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DatePrecision> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
