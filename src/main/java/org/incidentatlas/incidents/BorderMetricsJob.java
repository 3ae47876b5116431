package org.incidentatlas.incidents;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.incidentatlas.borders.BorderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes every stored incident's border metrics after the borders change, in the background:
 * batches of incidents, each in its own short transaction, so reads go on meanwhile (they see
 * each incident's old metrics or its new ones). A change during a run starts another run when
 * this one ends. Progress is readable at any time.
 */
@Component
public class BorderMetricsJob {

    static final int BATCH = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(BorderMetricsJob.class);

    /** The state of the latest run. */
    public record Status(long run, String state, String reason, long total, long done, Instant startedAt, Instant finishedAt,
                         String error) {

        static Status idle() {
            return new Status(0, "idle", null, 0, 0, null, null, null);
        }
    }

    private final IncidentStore incidents;
    private final BorderRegistry borders;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "border-metrics");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicReference<String> pendingReason = new AtomicReference<>();
    private final AtomicLong runs = new AtomicLong();

    public BorderMetricsJob(IncidentStore incidents, BorderRegistry borders) {
        this.incidents = incidents;
        this.borders = borders;
    }

    @EventListener
    void bordersChanged(BorderRegistry.BordersChanged change) {
        request(change.change());
    }

    /** Starts a run (or, while one runs, queues one more); returns the current status. */
    public Status request(String reason) {
        pendingReason.set(reason);
        again.set(true);
        if (running.compareAndSet(false, true)) {
            worker.submit(this::runUntilCurrent);
        }
        return status.get();
    }

    public Status status() {
        return status.get();
    }

    private void runUntilCurrent() {
        try {
            while (again.getAndSet(false)) {
                runOnce(pendingReason.get());
            }
        } finally {
            running.set(false);
            // a request that arrived between the last check and clearing the flag
            if (again.get() && running.compareAndSet(false, true)) {
                worker.submit(this::runUntilCurrent);
            }
        }
    }

    private void runOnce(String reason) {
        long run = runs.incrementAndGet();
        Instant started = Instant.now();
        long total = incidents.count(IncidentFilter.ALL);
        status.set(new Status(run, "running", reason, total, 0, started, null, null));
        try {
            var set = borders.current();
            long done = 0;
            long after = 0;
            while (true) {
                IncidentStore.RecomputedBatch batch = incidents.recomputeBorderMetrics(set, after, BATCH);
                if (batch.count() == 0) {
                    break;
                }
                done += batch.count();
                after = batch.lastId();
                status.set(new Status(run, "running", reason, Math.max(total, done), done, started, null, null));
            }
            status.set(new Status(run, "done", reason, done, done, started, Instant.now(), null));
            LOG.info("Border metrics recomputed for {} incidents ({})", done, reason);
        } catch (RuntimeException e) {
            LOG.error("Border metrics recompute failed", e);
            Status s = status.get();
            status.set(new Status(run, "failed", reason, s.total(), s.done(), started, Instant.now(), e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
