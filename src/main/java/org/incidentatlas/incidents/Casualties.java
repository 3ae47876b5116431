package org.incidentatlas.incidents;

/**
 * A casualty figure as analysts code it: the best estimate with the lowest and highest figure
 * claimed. Any part may be unknown (null); when all three are known, low <= best <= high.
 */
public record Casualties(Integer best, Integer low, Integer high) {

    public static final Casualties UNKNOWN = new Casualties(null, null, null);

    public static Casualties exactly(int n) {
        return new Casualties(n, n, n);
    }
}
