package org.incidentatlas.webmap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.incidentatlas.storage.DatabaseOutage;
import org.incidentatlas.tiles.TileCoordinates;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.OgcMediaTypes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web map at {@code /map}: a MapLibre GL JS page (vendored, nothing from the internet)
 * that reads the service's own OGC API, and the country outlines it uses as its base layer (as vector tiles, and as
 * GeoJSON for other clients).
 * A tile layer is added only when {@code atlas.map.tile-url} is set. The page is the template webmap/map.jte.
 */
@RestController
@Hidden
public class MapController {

    /** The outlines change only with a new build: a day in caches, then revalidated by the ETag. */
    private static final CacheControl OUTLINE_TILE_CACHE = CacheControl.maxAge(Duration.ofDays(1));

    private final HtmlTemplates templates;
    private final MapSettings settings;
    private final IncidentStore incidents;
    private final MapOutlines outlines;
    private final OutlineTiles outlineTiles;

    public MapController(HtmlTemplates templates, MapSettings settings, IncidentStore incidents, MapOutlines outlines,
            OutlineTiles outlineTiles) {
        this.templates = templates;
        this.settings = settings;
        this.incidents = incidents;
        this.outlines = outlines;
        this.outlineTiles = outlineTiles;
    }

    /** The page, with the incidents' extent in it: the map opens on it and asks for the first view's tiles at once. */
    @GetMapping("/map")
    ResponseEntity<String> map() {
        String page = templates.render("webmap/map.jte", MapPage.of(settings, extent()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    /** The incidents' extent, or none while the database does not answer: the page then asks the API, which says why. */
    private Optional<IncidentStore.Extent> extent() {
        try {
            return incidents.extent();
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Country outlines (from geodata/, simplified for the map), the base layer that works without internet access. */
    @GetMapping("/map/countries.geojson")
    ResponseEntity<byte[]> countries() {
        return ResponseEntity.ok().contentType(OgcMediaTypes.GEOJSON)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(outlines.geoJson());
    }

    /** The country outlines as Mapbox vector tiles ({z}/{x}/{y}, x from the west, y from the north), layer "countries". */
    @GetMapping("/map/countries/{z}/{x}/{y}")
    ResponseEntity<byte[]> countryTile(@PathVariable int z, @PathVariable int x, @PathVariable int y,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (z > OutlineTiles.MAX_ZOOM) {
            throw ApiException.notFound("the country outlines are tiled up to zoom " + OutlineTiles.MAX_ZOOM
                    + "; draw deeper zooms from those tiles");
        }
        TileCoordinates tile = TileCoordinates.of(z, y, x);
        if (outlineTiles.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(outlineTiles.etag()).cacheControl(OUTLINE_TILE_CACHE).build();
        }
        return ResponseEntity.ok().contentType(OgcMediaTypes.MVT).eTag(outlineTiles.etag()).cacheControl(OUTLINE_TILE_CACHE)
                .body(outlineTiles.tile(tile));
    }
}
