package org.incidentatlas.webmap;

import java.util.Optional;

import org.incidentatlas.incidents.IncidentStore;

/**
 * What the map page is rendered with: its settings and the incidents' extent, so that the map opens on the extent
 * and asks for the first view's tiles at once, without waiting for the collection document.
 *
 * @param bbox     west,south,east,north in degrees; empty when unknown (no incidents, or the database did not answer):
 *                 the page then asks the API for the collection
 * @param interval first/last event date (ISO dates, either side empty when open); empty when unknown
 */
public record MapPage(MapSettings settings, String bbox, String interval) {

    static MapPage of(MapSettings settings, Optional<IncidentStore.Extent> extent) {
        return extent.map(e -> new MapPage(settings,
                e.bbox().minLon() + "," + e.bbox().minLat() + "," + e.bbox().maxLon() + "," + e.bbox().maxLat(),
                e.dates() == null ? "" : text(e.dates().start()) + "/" + text(e.dates().end())))
                .orElseGet(() -> new MapPage(settings, "", ""));
    }

    private static String text(Object date) {
        return date == null ? "" : date.toString();
    }
}
