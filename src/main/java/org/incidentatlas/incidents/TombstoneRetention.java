package org.incidentatlas.incidents;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Purges the tombstones of deleted incidents once they are older than {@code atlas.sync.tombstone-retention}, every
 * {@code atlas.sync.purge-interval}. Safe on several instances at once (the purge locks the horizon row); a mirror
 * whose cursor is older than the purged tombstones is told to copy everything again (410).
 */
@Component
public class TombstoneRetention {

    private static final Logger LOG = LoggerFactory.getLogger(TombstoneRetention.class);

    private final IncidentChanges changes;
    private final Duration retention;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tombstone-retention");
        t.setDaemon(true);
        return t;
    });

    public TombstoneRetention(IncidentChanges changes, SyncSettings settings) {
        this.changes = changes;
        this.retention = settings.tombstoneRetention();
        Duration interval = settings.purgeInterval();
        worker.scheduleWithFixedDelay(this::purge, interval.toSeconds(), Math.max(1, interval.toSeconds()), TimeUnit.SECONDS);
    }

    /** The retention in force: a cursor older than this may get 410 Gone. */
    public Duration retention() {
        return retention;
    }

    private void purge() {
        try {
            int purged = changes.purgeTombstones(retention);
            if (purged > 0) {
                LOG.info("purged {} tombstones older than {}", purged, retention);
            }
        } catch (RuntimeException e) {
            // the database may be away for a while; the next round tries again
            LOG.warn("tombstone purge failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
