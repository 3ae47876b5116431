package org.incidentatlas.gazetteer;

import java.util.Optional;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analysts correct the gazetteer: add a place, replace one (committed or their own), withdraw one.
 * Each correction is stored in {@code place_corrections} and mirrored in the {@code places} table
 * in one transaction, then the live gazetteer is rebuilt from every stored correction, so the name
 * index answers the new name at once and agrees with the database. Places are checked by the
 * caller (the API's reader); this class enforces ids and versions.
 */
public class PlaceCorrections {

    private final LiveGazetteer gazetteer;
    private final PlaceCorrectionStore corrections;
    private final PlaceStore places;
    private final TransactionTemplate transaction;

    public PlaceCorrections(LiveGazetteer gazetteer, PlaceCorrectionStore corrections, PlaceStore places,
                            PlatformTransactionManager transactions) {
        this.gazetteer = gazetteer;
        this.corrections = corrections;
        this.places = places;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A stored place with its version (0: as committed, never corrected). */
    public record Versioned(Place place, int version) {
    }

    public Optional<Versioned> find(String id) {
        Optional<PlaceCorrection> c = corrections.find(id);
        if (c.isPresent()) {
            return c.get().withdrawn() ? Optional.empty() : Optional.of(new Versioned(c.get().place(), c.get().version()));
        }
        return gazetteer.current().place(id).map(p -> new Versioned(p, 0));
    }

    /** Adds a place under a new id. */
    public synchronized Versioned create(Place place) {
        Optional<PlaceCorrection> previous = corrections.find(place.id());
        if (find(place.id()).isPresent()) {
            throw new PlaceCorrectionException(PlaceCorrectionException.Reason.DUPLICATE_ID,
                    "a place with id '" + place.id() + "' exists; replace it with PUT /collections/places/items/" + place.id());
        }
        int version = previous.map(c -> c.version() + 1).orElse(1);
        store(place, version);
        return new Versioned(place, version);
    }

    /** Replaces the place with this id; {@code expectedVersion} (If-Match) null: whatever is stored. */
    public synchronized Versioned replace(Place place, Integer expectedVersion) {
        Versioned stored = existing(place.id(), expectedVersion);
        int version = stored.version() + 1;
        store(place, version);
        return new Versioned(place, version);
    }

    /** Withdraws the place with this id (committed or an analyst's). */
    public synchronized void delete(String id, Integer expectedVersion) {
        Versioned stored = existing(id, expectedVersion);
        transaction.executeWithoutResult(status -> {
            corrections.withdraw(id, stored.version() + 1);
            places.remove(id);
        });
        gazetteer.apply(corrections.all());
    }

    /** Lays the stored corrections over the committed places again (another instance may have written some). */
    public void reload() {
        gazetteer.apply(corrections.all());
    }

    private Versioned existing(String id, Integer expectedVersion) {
        Versioned stored = find(id).orElseThrow(() -> new PlaceCorrectionException(PlaceCorrectionException.Reason.NOT_FOUND,
                "there is no place '" + id + "'"));
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new PlaceCorrectionException(PlaceCorrectionException.Reason.STALE_VERSION, "place '" + id + "' is at version "
                    + stored.version() + ", not " + expectedVersion + "; read it again");
        }
        return stored;
    }

    private void store(Place place, int version) {
        transaction.executeWithoutResult(status -> {
            corrections.put(place, version);
            places.put(place);
        });
        gazetteer.apply(corrections.all());
    }
}
