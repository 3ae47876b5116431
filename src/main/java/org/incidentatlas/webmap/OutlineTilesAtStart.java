package org.incidentatlas.webmap;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.incidents.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Draws the outline tiles of the map's first view once the service is up, on a thread of its own: the first visitor
 * after a start otherwise waits for each zoom's simplification and clipping (about a second on two loaded cores,
 * docs/BENCHMARKS.md). The first view fits the incidents' extent, so its tiles are those over the extent, widened by
 * half of it on each side (a window wider or taller than the extent shows more), at the zooms a first view can open at.
 */
@Component
class OutlineTilesAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(OutlineTilesAtStart.class);
    /** The first view fits the extent at zoom 10 at most (map.js), whose 512-pixel tiles are the service's zoom 10. */
    static final int FIRST_VIEW_MAX_ZOOM = 10;
    /** A zoom whose tiles over the widened extent are more than this is left to the requests: bounded work at start. */
    static final int MAX_TILES_PER_ZOOM = 64;

    private final IncidentStore incidents;
    private final OutlineTiles tiles;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outline-tiles-at-start");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    OutlineTilesAtStart(IncidentStore incidents, OutlineTiles tiles) {
        this.incidents = incidents;
        this.tiles = tiles;
    }

    @EventListener(ApplicationReadyEvent.class)
    void drawFirstView() {
        worker.execute(() -> {
            long began = System.nanoTime();
            try {
                Optional<IncidentStore.Extent> extent = incidents.extent();
                extent.map(e -> widened(e.bbox())).ifPresent(box -> {
                    int drawn = tiles.keep(box, FIRST_VIEW_MAX_ZOOM, MAX_TILES_PER_ZOOM).size();
                    LOG.info("outline tiles of the first view drawn at start: {} tiles in {} ms", drawn,
                            (System.nanoTime() - began) / 1_000_000);
                });
            } catch (RuntimeException e) {
                // only a head start: the tiles are drawn on request anyway
                LOG.warn("outline tiles not drawn at start: {}", e.toString());
            }
        });
    }

    /** The box widened by half its width and height on each side, within the world. */
    static BoundingBox widened(BoundingBox b) {
        if (b.minLon() > b.maxLon()) {
            // across the antimeridian: left as it is
            return b;
        }
        double dx = (b.maxLon() - b.minLon()) / 2;
        double dy = (b.maxLat() - b.minLat()) / 2;
        return new BoundingBox(Math.max(-180, b.minLon() - dx), Math.max(-90, b.minLat() - dy),
                Math.min(180, b.maxLon() + dx), Math.min(90, b.maxLat() + dy));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
