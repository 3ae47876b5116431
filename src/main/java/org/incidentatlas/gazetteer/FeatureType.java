package org.incidentatlas.gazetteer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of feature a place is. The type fixes the geo precision of an answer (the incident
 * model's codes) and how much weight the feature carries when names repeat.
 */
public enum FeatureType {
    CITY(1, 0.10),
    TOWN(1, 0.08),
    POPULATED_PLACE(1, 0.05),
    VILLAGE(1, 0.04),
    BORDER_CROSSING(1, 0.04),
    HEIGHT(2, 0.05),
    RIDGE(2, 0.04),
    PASS(2, 0.04),
    ROAD(2, 0.04),
    CORRIDOR(2, 0.06),
    LAKE(2, 0.05),
    RIVER(2, 0.03),
    DIRECTION(2, 0.02),
    DISTRICT(3, 0.06),
    REGION(3, 0.07),
    COUNTRY(3, 0.06);

    private final int geoPrecision;
    private final double importance;

    FeatureType(int geoPrecision, double importance) {
        this.geoPrecision = geoPrecision;
        this.importance = importance;
    }

    /** 1 exact place, 2 near or part of a region, 3 province or larger. */
    public int geoPrecision() {
        return geoPrecision;
    }

    /** Prior weight of this kind of feature when a name is ambiguous. */
    public double importance() {
        return importance;
    }

    public boolean isSettlement() {
        return geoPrecision == 1 && this != BORDER_CROSSING;
    }

    public boolean isAdministrative() {
        return this == REGION || this == DISTRICT || this == COUNTRY;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeatureType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
