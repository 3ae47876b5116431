package org.incidentatlas.filter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position for paging: the page after (or before) the row with this key, the row itself
 * included when {@code inclusive}. Pages are ordered by the row key, so a cursor stays valid while
 * rows are added or removed elsewhere, and the database seeks to it through the primary-key index
 * instead of counting an OFFSET.
 */
public record PageCursor(Direction direction, String key, boolean inclusive) {

    public enum Direction { AFTER, BEFORE }

    public static PageCursor after(String key) {
        return new PageCursor(Direction.AFTER, key, false);
    }

    public static PageCursor before(String key) {
        return new PageCursor(Direction.BEFORE, key, false);
    }

    public PageCursor includingKey() {
        return new PageCursor(direction, key, true);
    }

    public boolean backwards() {
        return direction == Direction.BEFORE;
    }

    /** The SQL comparison with the key column that selects the rows this cursor points to. */
    public String comparison() {
        return (backwards() ? " <" : " >") + (inclusive ? "= ?" : " ?");
    }

    /** The opaque token used in {@code next}/{@code prev} links. */
    public String token() {
        char tag = direction == Direction.AFTER ? (inclusive ? 'A' : 'a') : (inclusive ? 'B' : 'b');
        return Base64.getUrlEncoder().withoutPadding().encodeToString((tag + key).getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor parse(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            raw = "";
        }
        if (raw.length() < 2 || "aAbB".indexOf(raw.charAt(0)) < 0) {
            throw new IllegalArgumentException("cursor '" + token + "' is not a token from a next or prev link");
        }
        char tag = raw.charAt(0);
        return new PageCursor(Character.toLowerCase(tag) == 'a' ? Direction.AFTER : Direction.BEFORE, raw.substring(1),
                Character.isUpperCase(tag));
    }
}
