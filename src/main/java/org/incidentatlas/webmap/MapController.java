package org.incidentatlas.webmap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Hidden;
import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web map at {@code /map}: a Leaflet page (scripts from webjars, nothing from the internet)
 * that reads the service's own OGC API, and the country outlines it uses as its base layer.
 * A tile layer is added only when {@code atlas.map.tile-url} is set. The page is the template webmap/map.jte.
 */
@RestController
@Hidden
public class MapController {

    private final String page;
    private final Resource countries = new ClassPathResource("geodata/countries/countries.geojson");

    public MapController(HtmlTemplates templates, MapSettings settings) {
        this.page = templates.render("webmap/map.jte", settings);
    }

    @GetMapping("/map")
    ResponseEntity<String> map() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    /** Country outlines (from geodata/), the base layer that works without internet access. */
    @GetMapping("/map/countries.geojson")
    ResponseEntity<Resource> countries() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(countries);
    }
}
