package org.incidentatlas.webmap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Hidden;
import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web map at {@code /map}: a MapLibre GL JS page (vendored, nothing from the internet)
 * that reads the service's own OGC API, and the country outlines it uses as its base layer.
 * A tile layer is added only when {@code atlas.map.tile-url} is set. The page is the template webmap/map.jte.
 */
@RestController
@Hidden
public class MapController {

    private final String page;
    private final MapOutlines outlines;

    public MapController(HtmlTemplates templates, MapSettings settings, MapOutlines outlines) {
        this.page = templates.render("webmap/map.jte", settings);
        this.outlines = outlines;
    }

    @GetMapping("/map")
    ResponseEntity<String> map() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    /** Country outlines (from geodata/, simplified for the map), the base layer that works without internet access. */
    @GetMapping("/map/countries.geojson")
    ResponseEntity<byte[]> countries() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(outlines.geoJson());
    }
}
