package org.incidentatlas.geodata;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the committed data sets at start-up — places, then countries and borders, then the demo
 * incidents (which need the borders for their metrics) — before the web server starts taking
 * requests, so a client never sees a half-loaded service.
 */
@Component
public class StartupLoading implements SmartLifecycle {

    private final PlaceTableSync places;
    private final BorderDataLoader borders;
    private final DemoIncidentLoader demo;
    private volatile boolean running;

    public StartupLoading(PlaceTableSync places, BorderDataLoader borders, DemoIncidentLoader demo) {
        this.places = places;
        this.borders = borders;
        this.demo = demo;
    }

    @Override
    public void start() {
        try {
            places.load();
            borders.load();
            demo.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the committed geodata", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server, which starts in a late phase. */
    @Override
    public int getPhase() {
        return 0;
    }
}
