package org.incidentatlas.incidents;

import java.util.Comparator;

/**
 * A place in the incident change log: the writing transaction ({@code change_xid}) and the change number
 * ({@code change_seq}), compared in that order — the order in which changes are served.
 */
public record ChangePosition(long xid, long seq) implements Comparable<ChangePosition> {

    /** Before every change (the incidents logged when the log was created have transaction 0 and numbers from 1). */
    public static final ChangePosition START = new ChangePosition(0, 0);

    private static final Comparator<ChangePosition> ORDER = Comparator.comparingLong(ChangePosition::xid)
            .thenComparingLong(ChangePosition::seq);

    @Override
    public int compareTo(ChangePosition other) {
        return ORDER.compare(this, other);
    }

    boolean after(ChangePosition other) {
        return compareTo(other) > 0;
    }

    String token() {
        return xid + "." + seq;
    }

    /** Reads {@link #token()}; IllegalArgumentException naming the problem otherwise. */
    static ChangePosition parse(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("'" + token + "' is not a change position (two whole numbers joined by '.')");
        }
        try {
            long xid = Long.parseLong(token.substring(0, dot));
            long seq = Long.parseLong(token.substring(dot + 1));
            if (xid < 0 || seq < 0) {
                throw new IllegalArgumentException("'" + token + "' is not a change position (negative)");
            }
            return new ChangePosition(xid, seq);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' is not a change position (two whole numbers joined by '.')");
        }
    }
}
