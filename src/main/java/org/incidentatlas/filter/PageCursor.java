package org.incidentatlas.filter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position for paging: the page after (or before) the row with this key. Pages are
 * ordered by the row key, so a cursor stays valid while rows are added or removed elsewhere,
 * and the database seeks to it through the primary-key index instead of counting an OFFSET.
 */
public record PageCursor(Direction direction, long key) {

    public enum Direction { AFTER, BEFORE }

    public static PageCursor after(long key) {
        return new PageCursor(Direction.AFTER, key);
    }

    public static PageCursor before(long key) {
        return new PageCursor(Direction.BEFORE, key);
    }

    /** The opaque token used in {@code next}/{@code prev} links. */
    public String token() {
        String raw = (direction == Direction.AFTER ? "a" : "b") + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static PageCursor parse(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + token + "' is not a token from a next or prev link");
        }
        if (raw.length() < 2 || (raw.charAt(0) != 'a' && raw.charAt(0) != 'b')) {
            throw new IllegalArgumentException("cursor '" + token + "' is not a token from a next or prev link");
        }
        try {
            long key = Long.parseLong(raw.substring(1));
            return new PageCursor(raw.charAt(0) == 'a' ? Direction.AFTER : Direction.BEFORE, key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor '" + token + "' is not a token from a next or prev link");
        }
    }
}
