package org.incidentatlas.borders;

import java.time.Instant;

/**
 * Progress of the background recompute of what depends on the borders (the incidents' border
 * metrics), for the border endpoints' answers. Implemented where those metrics live, so that
 * borders need not import them.
 */
public interface BorderMetricsProgress {

    /** The state of the latest run, as every instance sees it. */
    record Status(long run, String state, String reason, long total, long done, Instant startedAt, Instant finishedAt,
                  String error) {
    }

    Status status();
}
