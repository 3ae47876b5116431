package org.incidentatlas.borders;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The borders in force: a {@link BorderSet} snapshot rebuilt from the store whenever the borders
 * change, and the writes that change them. Each change publishes {@link BordersChanged}, so that
 * stored incidents get their metrics recomputed.
 */
public class BorderRegistry {

    private final BorderStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final AtomicReference<BorderSet> current = new AtomicReference<>(BorderSet.empty());

    public BorderRegistry(BorderStore store, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    public BorderSet current() {
        return current.get();
    }

    /** Rebuilds the snapshot from the database. */
    public BorderSet reload() {
        BorderSet set = new BorderSet(store.all(), store.countries());
        current.set(set);
        return set;
    }

    /** Adds or replaces an analyst's layer. */
    public Border save(Border border) {
        transaction.executeWithoutResult(status -> {
            store.delete(border.id());
            store.insert(border);
        });
        reload();
        events.publishEvent(new BordersChanged("saved " + border.id()));
        return border;
    }

    /** Deletes an analyst's layer; false if there was none with that id. */
    public boolean delete(String id) {
        Boolean deleted = transaction.execute(status -> store.delete(id));
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
