package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gazetteer as it stands now: the committed places with analysts' corrections laid over them.
 * A {@link Gazetteer} is immutable, so a correction builds a new one from the same committed list
 * and swaps it in; a look-up in flight finishes on the one it started with. Inject this, not a
 * {@code Gazetteer}, wherever answers must follow corrections without a restart.
 */
public final class LiveGazetteer {

    private final List<Place> committed;
    private final NameKeys keys;
    private final QueryWords words;
    private final double fuzzyThreshold;
    private final AtomicReference<Gazetteer> current = new AtomicReference<>();

    public LiveGazetteer(List<Place> committed, NameKeys keys, QueryWords words, double fuzzyThreshold,
                         List<PlaceCorrection> corrections) {
        this.committed = List.copyOf(committed);
        this.keys = keys;
        this.words = words;
        this.fuzzyThreshold = fuzzyThreshold;
        apply(corrections);
    }

    public Gazetteer current() {
        return current.get();
    }

    /** Rebuilds the gazetteer from the committed places and these corrections (all of them, not a delta). */
    public synchronized void apply(List<PlaceCorrection> corrections) {
        current.set(new Gazetteer(overlay(committed, corrections), keys, words, fuzzyThreshold));
    }

    /** Whether the committed files hold a place with this id (withdrawing it needs a tombstone). */
    public boolean committed(String id) {
        return committed.stream().anyMatch(p -> p.id().equals(id));
    }

    /** The committed places in file order, each replaced or removed by its correction; added places at the end. */
    static List<Place> overlay(List<Place> committed, List<PlaceCorrection> corrections) {
        Map<String, Place> byId = new LinkedHashMap<>();
        committed.forEach(p -> byId.put(p.id(), p));
        for (PlaceCorrection c : corrections) {
            if (c.withdrawn()) {
                byId.remove(c.id());
            } else {
                byId.put(c.id(), c.place());
            }
        }
        return new ArrayList<>(byId.values());
    }
}
