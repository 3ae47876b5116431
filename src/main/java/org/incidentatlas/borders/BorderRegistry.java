package org.incidentatlas.borders;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The borders in force: a {@link BorderSet} snapshot rebuilt from the store whenever the borders
 * change, and the writes that change them. Each change publishes {@link BordersChanged}, so that
 * stored incidents get their metrics recomputed. With several instances on one database, a change
 * made by another instance is seen through the version in the database, checked on every use.
 */
public class BorderRegistry {

    private final BorderStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(-1, BorderSet.empty()));

    /** A border set and the database version it was read at (or after). */
    private record Snapshot(long version, BorderSet set) {
    }

    public BorderRegistry(BorderStore store, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** The borders in force, reloaded first when another instance (or a loader) changed them since the last read. */
    public BorderSet current() {
        Snapshot s = current.get();
        long version;
        try {
            // one primary-key read per use: a stale snapshot would give wrong metrics, which is worse than the read
            version = store.version();
        } catch (DataAccessException unreachable) {
            // the database is down: distance look-ups go on with the borders last read (no write can land meanwhile)
            if (s.version() >= 0) {
                return s.set();
            }
            throw unreachable;
        }
        return s.version() == version ? s.set() : reload();
    }

    /** The version of the borders in the database, which {@link #current()} is at least as new as. */
    public long version() {
        return store.version();
    }

    /** Rebuilds the snapshot from the database. */
    public BorderSet reload() {
        // the version first: the borders read after it are at least that new
        long version = store.version();
        BorderSet set = new BorderSet(store.all(), store.countries());
        current.set(new Snapshot(version, set));
        return set;
    }

    /** Adds or replaces an analyst's layer. */
    public Border save(Border border) {
        transaction.executeWithoutResult(status -> {
            store.delete(border.id());
            store.insert(border);
            store.bumpVersion();
        });
        reload();
        events.publishEvent(new BordersChanged("saved " + border.id()));
        return border;
    }

    /** Deletes an analyst's layer; false if there was none with that id. */
    public boolean delete(String id) {
        Boolean deleted = transaction.execute(status -> store.delete(id) && store.bumpVersion() > 0);
        if (Boolean.TRUE.equals(deleted)) {
            reload();
            events.publishEvent(new BordersChanged("deleted " + id));
            return true;
        }
        return false;
    }

    /** Announced after the borders changed, with what changed. */
    public record BordersChanged(String change) {
    }
}
