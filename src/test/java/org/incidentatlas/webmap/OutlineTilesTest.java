package org.incidentatlas.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.tiles.TileCoordinates;
import org.incidentatlas.tiles.WebMercatorQuad;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;

/** Each outline tile holds each country's outline clipped to the tile, in tile coordinates. */
class OutlineTilesTest {

    private static final MapOutlines OUTLINES = new MapOutlines();
    private final OutlineTiles tiles = new OutlineTiles(OUTLINES);
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * Zoom 9 and deeper carry MapOutlines' own geometry: only the rounding to the tile's whole units moves an outline
     * (by up to a unit). Shallower zooms are simplified to a pixel of a 512-pixel tile (8 units). So the area where
     * tile and outline differ is at most the outline's length times that shift.
     */
    @ParameterizedTest
    @CsvSource({
        "9, 319, 193",   // Yerevan: Armenia and Turkey
        "12, 2554, 1547", // ten kilometres of Yerevan: Armenia only, the tile inside it
        "5, 19, 11",     // the Caucasus
        "3, 5, 2"        // Russia and its neighbours
    })
    void theTileHoldsEachOutlineClippedToTheTile(int z, int x, int y) throws IOException {
        double shift = z >= OutlineTiles.FULL_DETAIL_ZOOM ? 1 : OutlineTiles.EXTENT / 512.0;
        TileCoordinates t = TileCoordinates.of(z, y, x);
        Envelope tile = WebMercatorQuad.envelope(t);
        Map<String, Geometry> decoded = decode(tiles.tile(t));
        Geometry tileBox = factory.toGeometry(new Envelope(0, OutlineTiles.EXTENT, 0, OutlineTiles.EXTENT));

        Map<String, Geometry> expected = new HashMap<>();
        for (MapOutlines.Outline o : OUTLINES.outlines()) {
            Geometry inTile = polygonal(inTileUnits(o.geometry(), tile).intersection(tileBox));
            if (inTile.getArea() > 1) {
                expected.put((String) o.properties().get("iso3"), inTile);
            }
        }
        assertThat(expected).as("the test's tile must hold outlines").isNotEmpty();
        assertThat(decoded.keySet()).isEqualTo(expected.keySet());
        expected.forEach((country, want) -> {
            Geometry got = polygonal(decoded.get(country).intersection(tileBox));
            double differs = got.symDifference(want).getArea();
            assertThat(differs).as("%s in %d/%d/%d: square units differing, of %.0f", country, z, x, y, want.getArea())
                    .isLessThan(want.getLength() * shift);
        });
    }

    @Test
    void aTileWithNoOutlineIsEmptyAndATileIsTheSameTheSecondTime() {
        assertThat(tiles.tile(TileCoordinates.of(2, 1, 0))).as("the Americas").isEmpty();
        TileCoordinates caucasus = TileCoordinates.of(5, 11, 19);
        assertThat(tiles.tile(caucasus)).isNotEmpty().isEqualTo(tiles.tile(caucasus));
    }

    /** The synthetic 1M incidents' extent (bench/lib.sh), whose first view at 1280 x 900 asks for zoom 6, columns 39-40, rows 23-24. */
    @Test
    void theFirstViewsTilesAreDrawnAtStartAndAZoomOfTooManyTilesIsLeftToTheRequests() {
        BoundingBox extent = new BoundingBox(43.5, 38.4, 49.5, 42.0);
        List<TileCoordinates> drawn = tiles.keep(OutlineTilesAtStart.widened(extent), OutlineTilesAtStart.FIRST_VIEW_MAX_ZOOM,
                OutlineTilesAtStart.MAX_TILES_PER_ZOOM);
        assertThat(drawn).contains(TileCoordinates.of(6, 23, 39), TileCoordinates.of(6, 23, 40), TileCoordinates.of(6, 24, 39),
                TileCoordinates.of(6, 24, 40), TileCoordinates.of(0, 0, 0));
        assertThat(drawn).as("zoom 10: hundreds of tiles over the widened extent").noneMatch(t -> t.zoom() == 10);
        for (int z = 0; z <= OutlineTilesAtStart.FIRST_VIEW_MAX_ZOOM; z++) {
            int zoom = z;
            assertThat(drawn.stream().filter(t -> t.zoom() == zoom).count()).isLessThanOrEqualTo(OutlineTilesAtStart.MAX_TILES_PER_ZOOM);
        }
        drawn.forEach(t -> assertThat(tiles.tile(t)).as("%s as drawn on request", t).isEqualTo(new OutlineTiles(OUTLINES).tile(t)));
    }

    private Map<String, Geometry> decode(byte[] tile) throws IOException {
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(tile), factory, new TagKeyValueMapConverter())
                .getLayer(OutlineTiles.LAYER);
        assertThat(layer).isNotNull();
        Map<String, List<Geometry>> parts = new HashMap<>();
        for (Geometry g : layer.getGeometries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) g.getUserData();
            parts.computeIfAbsent((String) properties.get("iso3"), k -> new ArrayList<>()).add(g);
        }
        Map<String, Geometry> byCountry = new HashMap<>();
        parts.forEach((country, gs) -> byCountry.put(country, factory.buildGeometry(gs).union()));
        return byCountry;
    }

    /** The areas of a clip's result, without the lines or points where it touched the tile's edge. */
    private Geometry polygonal(Geometry g) {
        return factory.buildGeometry(PolygonExtracter.getPolygons(g)).union();
    }

    /** Longitude/latitude to the tile's units: 0 to EXTENT from the west and from the north edge (MVT's y runs down). */
    private static Geometry inTileUnits(Geometry lonLat, Envelope tile) {
        double units = OutlineTiles.EXTENT;
        AffineTransformation toTile = new AffineTransformation().translate(-tile.getMinX(), -tile.getMaxY())
                .scale(units / tile.getWidth(), -units / tile.getHeight());
        return toTile.transform(WebMercatorQuad.mercator(lonLat)).buffer(0);
    }
}
