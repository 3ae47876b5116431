package org.incidentatlas.incidents;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.incidentatlas.borders.BorderMetricsProgress;
import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.borders.BorderSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes every stored incident's border metrics after the borders change, in the background:
 * batches of incidents, each in its own short transaction, so reads go on meanwhile (they see
 * each incident's old metrics or its new ones).
 *
 * <p>Several instances may share the database, so whether a run is due, who runs it and how far it
 * got live there ({@code job_leases}, {@link JobLease}), not in this JVM: a run brings the metrics
 * up to the border version in the database; one instance at a time holds the lease and renews it
 * with every batch; the others find nothing to do. An instance that dies mid-run stops renewing,
 * and once the lease expires any instance's poll resumes after the last batch recorded. A border
 * change during a run makes the version newer, so another run follows.
 */
@Component
public class BorderMetricsJob implements BorderMetricsProgress {

    static final int BATCH = 2_000;
    static final String NAME = "border-metrics";
    private static final Logger LOG = LoggerFactory.getLogger(BorderMetricsJob.class);

    private final IncidentStore incidents;
    private final BorderRegistry borders;
    private final JobLease lease;
    private final String holder;
    private final int leaseSeconds;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "border-metrics");
        t.setDaemon(true);
        return t;
    });

    public BorderMetricsJob(IncidentStore incidents, BorderRegistry borders, JdbcTemplate jdbc,
                            JobSettings settings) {
        this.incidents = incidents;
        this.borders = borders;
        this.lease = new JobLease(jdbc, NAME);
        this.leaseSeconds = settings.leaseSeconds();
        // unique per running application, also for two in one JVM
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        // the poll is what resumes a run whose holder died, and what runs changes made through another instance
        worker.scheduleWithFixedDelay(this::runPending, settings.pollSeconds(), settings.pollSeconds(), TimeUnit.SECONDS);
    }

    @EventListener
    void bordersChanged(BorderRegistry.BordersChanged change) {
        request(change.change());
    }

    /** Has the metrics brought up to the current borders soon (on whichever instance takes the lease); the current status. */
    public Status request(String reason) {
        lease.note(reason);
        try {
            worker.execute(this::runPending);
        } catch (RejectedExecutionException stopping) {
            // shutting down: another instance's poll takes it
        }
        return status();
    }

    @Override
    public Status status() {
        JobLease.Row r = lease.read();
        return new Status(r.run(), r.state(), r.reason(), r.total(), r.done(), r.startedAt(), r.finishedAt(), r.error());
    }

    /** The instance name this job holds the lease under. */
    public String holder() {
        return holder;
    }

    /** Runs while work is due and this instance gets the lease (on the worker thread only). */
    private void runPending() {
        try {
            while (true) {
                long version = borders.version();
                Optional<JobLease.Row> taken = lease.acquire(holder, version, leaseSeconds);
                if (taken.isEmpty()) {
                    return;
                }
                runLeased(taken.get(), version);
            }
        } catch (RuntimeException e) {
            // the database is unreachable, most likely: the next poll tries again
            LOG.warn("Border metrics: cannot run now: {}", e.getMessage());
        }
    }

    private void runLeased(JobLease.Row row, long version) {
        BorderSet set = borders.current();
        boolean resume = "running".equals(row.state()) && row.targetVersion() == version;
        long after = resume ? row.afterId() : 0;
        long done = resume ? row.done() : 0;
        long total = resume ? row.total() : incidents.count(IncidentFilter.ALL);
        long run = resume ? row.run() : lease.start(holder, version, total, leaseSeconds);
        if (resume) {
            LOG.info("Border metrics: resuming run {} after incident {} (its holder {} stopped)", run, after, row.holder());
        }
        try {
            while (true) {
                IncidentStore.RecomputedBatch batch = incidents.recomputeBorderMetrics(set, after, BATCH);
                if (batch.count() == 0) {
                    break;
                }
                done += batch.count();
                after = batch.lastId();
                if (!lease.progress(holder, after, done, Math.max(total, done), leaseSeconds)) {
                    LOG.warn("Border metrics: lost the lease of run {} after incident {}; another instance goes on", run, after);
                    return;
                }
            }
            lease.finish(holder);
            LOG.info("Border metrics recomputed for {} incidents (run {}, border version {})", done, run, version);
        } catch (RuntimeException e) {
            LOG.error("Border metrics recompute failed", e);
            lease.fail(holder, String.valueOf(e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
