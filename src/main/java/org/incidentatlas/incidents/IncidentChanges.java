package org.incidentatlas.incidents;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Incremental sync of incidents for mirrors: what changed after a cursor, in change order, with tombstones for
 * deletions. The log is written by database triggers (migration V11), so every write path is in it.
 */
public interface IncidentChanges {

    /**
     * Streams at most {@code limit} changes after {@code cursor} (null: a full copy from the start) to {@code sink},
     * the incidents restricted to {@code filter} (others come as removals, so a filtered mirror stays exact).
     * Check the cursor first ({@link #check}): the page may be streaming to a client already.
     */
    ChangePage page(IncidentFilter filter, SyncCursor cursor, int limit, Consumer<IncidentChange> sink);

    /**
     * Refuses a cursor this log cannot continue.
     *
     * @throws CursorExpiredException when tombstones the cursor needs were purged
     * @throws IllegalArgumentException when the cursor is past every change this log gave out
     */
    void check(SyncCursor cursor);

    /** Purges the tombstones older than {@code retention}; answers how many. */
    int purgeTombstones(Duration retention);

    /** What a page did: how many entries it sent, the cursor to continue from, and whether it reached the newest change. */
    record ChangePage(int returned, SyncCursor next, boolean caughtUp) {
    }

    /** The cursor is older than the tombstone retention: the mirror must copy everything again. */
    final class CursorExpiredException extends RuntimeException {

        public CursorExpiredException(ChangePosition horizon) {
            super("the deletions before change " + horizon.token() + " were purged (tombstone retention); "
                    + "copy the collection again from the start: changes without since");
        }
    }
}
