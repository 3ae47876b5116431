package org.incidentatlas.incidents;

/**
 * Where a mirror stands in the change log: after {@code position}. During a first full copy, {@code fullCopyHead}
 * is the newest position when the copy began: changes up to it were never sent before, so their tombstones
 * (deleted, or outside a filtered mirror) are left out; once the copy passes it, it is dropped (null).
 */
public record SyncCursor(ChangePosition position, ChangePosition fullCopyHead) {

    private static final String HEAD_SEPARATOR = "~";

    /** A cursor as a URL-safe token: {@code xid.seq} or {@code xid.seq~xid.seq} during a full copy. */
    public String token() {
        return position.token() + (fullCopyHead == null ? "" : HEAD_SEPARATOR + fullCopyHead.token());
    }

    /** Reads {@link #token()}; IllegalArgumentException naming the problem otherwise. */
    public static SyncCursor parse(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new IllegalArgumentException("since must be a cursor from an earlier changes response; got '" + token + "'");
        }
        int tilde = token.indexOf(HEAD_SEPARATOR);
        try {
            if (tilde < 0) {
                return new SyncCursor(ChangePosition.parse(token), null);
            }
            return new SyncCursor(ChangePosition.parse(token.substring(0, tilde)), ChangePosition.parse(token.substring(tilde + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("since '" + token + "' is not a cursor from a changes response: " + e.getMessage());
        }
    }

    /** The oldest position whose tombstones this cursor still needs. */
    ChangePosition needsTombstonesAfter() {
        return fullCopyHead == null ? position : fullCopyHead;
    }
}
