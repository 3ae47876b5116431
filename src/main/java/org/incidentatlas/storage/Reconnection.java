package org.incidentatlas.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the pools connect as soon as the database is back. After failed attempts Hikari waits longer and longer
 * between connection attempts, up to 5 s (a backoff it does not let us set), so requests kept failing for up to 5 s
 * after the database returned. The pools' threads come from this factory; while a pool has requests waiting and no
 * connection (two checks in a row), the database is asked directly every {@link #CHECK} and, once it answers, the
 * pools' sleeping threads are interrupted: Hikari's connection adder ends its backoff and the next attempt starts
 * at once.
 */
final class Reconnection implements ThreadFactory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnection.class);
    private static final Duration CHECK = Duration.ofMillis(250);

    private final Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
    /** Pools found with requests waiting and no connection at the last check (a first connection takes a moment). */
    private final Set<HikariDataSource> starved = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "db-reconnection");
        t.setDaemon(true);
        return t;
    });

    Reconnection() {
        watch.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches this pool; call before its first connection, as Hikari takes the thread factory when it starts. */
    void watch(HikariDataSource pool) {
        pool.setThreadFactory(this);
        pools.add(pool);
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } finally {
                poolThreads.remove(Thread.currentThread());
            }
        }, "db-pool-" + created.incrementAndGet());
        t.setDaemon(true);
        poolThreads.add(t);
        return t;
    }

    private void check() {
        for (HikariDataSource pool : pools) {
            HikariPoolMXBean state = pool.getHikariPoolMXBean();
            boolean starving = state != null && state.getTotalConnections() == 0 && state.getThreadsAwaitingConnection() > 0;
            if (!starving) {
                starved.remove(pool);
            } else if (!starved.add(pool) && answers(pool)) {
                LOG.info("the database of pool {} answers again: the pool stops waiting out its backoff", pool.getPoolName());
                // only sleeping threads: the adder in its backoff (the house-keeper and closers just wait again)
                poolThreads.stream().filter(t -> t.getState() == Thread.State.TIMED_WAITING).forEach(Thread::interrupt);
            }
        }
    }

    private static boolean answers(HikariDataSource pool) {
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            return c.isValid(1);
        } catch (SQLException stillDown) {
            return false;
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
