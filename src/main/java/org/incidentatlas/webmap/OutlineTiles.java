package org.incidentatlas.webmap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.incidents.MercatorCells;
import org.incidentatlas.tiles.TileCoordinates;
import org.incidentatlas.tiles.WebMercatorQuad;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.springframework.stereotype.Component;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;

/**
 * The country outlines ({@link MapOutlines}) as Mapbox vector tiles of WebMercatorQuad, made here from the same JTS
 * geometries: each outline clipped to the tile and a buffer, simplified to the zoom's pixel, one layer
 * {@value #LAYER}. The browser then reads a few small tiles instead of cutting the whole GeoJSON into tiles in its
 * one worker before the first view (docs/BENCHMARKS.md). The outlines never change while the service runs, so the
 * tiles are kept once drawn (up to {@value #KEPT_TILES}) and share one ETag.
 */
@Component
public class OutlineTiles {

    static final String LAYER = "countries";
    /** Tile coordinates per side and the buffer beyond the tile's edge, in those units: MapLibre's defaults. */
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    /**
     * From this zoom on the tiles carry MapOutlines' own simplification (about a pixel at zoom 9); above it, each
     * zoom's copy is simplified further to a pixel of a 512-pixel tile.
     */
    static final int FULL_DETAIL_ZOOM = 9;
    /** Deepest zoom served; MapLibre draws deeper zooms from these tiles (overzoom), as the detail is no finer. */
    public static final int MAX_ZOOM = 12;
    private static final int TILE_PIXELS = 512;
    private static final int KEPT_TILES = 4096;
    private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
    private static final PrecisionModel WHOLE_UNITS = new PrecisionModel(1);

    private final GeometryFactory factory = new GeometryFactory();
    /** The outlines in EPSG:3857 metres, each with its properties as user data. */
    private final List<Geometry> outlines;
    private final Map<Integer, List<Geometry>> byZoom = new ConcurrentHashMap<>();
    private final Map<TileCoordinates, byte[]> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileCoordinates, byte[]> eldest) {
            return size() > KEPT_TILES;
        }
    });
    private final String etag;

    public OutlineTiles(MapOutlines outlines) {
        this.outlines = outlines.outlines().stream().map(o -> {
            Geometry g = GeometryFixer.fix(WebMercatorQuad.mercator(o.geometry()));
            g.setUserData(o.properties());
            return g;
        }).toList();
        this.etag = "\"outlines-" + DigestUtils.sha256Hex(new String(outlines.geoJson(), StandardCharsets.UTF_8)).substring(0, 16)
                + "\"";
    }

    /** The tile's MVT bytes; empty when no outline reaches the tile. */
    public byte[] tile(TileCoordinates t) {
        byte[] tile = kept.get(t);
        if (tile == null) {
            // drawn outside the map's lock: two requests for the same new tile may both draw it, with the same bytes
            tile = draw(t);
            kept.put(t, tile);
        }
        return tile.clone();
    }

    /**
     * Draws and keeps the tiles over a box (degrees) at zooms 0 to {@code maxZoom}, skipping a zoom that would take more
     * than {@code maxTilesPerZoom} tiles: what a first view of that box asks for, so its first visitor does not wait for
     * the zooms' simplification and clipping. Returns the tiles drawn.
     */
    public List<TileCoordinates> keep(BoundingBox box, int maxZoom, int maxTilesPerZoom) {
        List<TileCoordinates> drawn = new ArrayList<>();
        for (int z = 0; z <= Math.min(maxZoom, MAX_ZOOM); z++) {
            // a cell of level z is the tile of zoom z; rows count from the north
            long x0 = within(MercatorCells.cellX(box.minLon(), z), z);
            long x1 = within(MercatorCells.cellX(box.maxLon(), z), z);
            long y0 = within(MercatorCells.cellY(box.maxLat(), z), z);
            long y1 = within(MercatorCells.cellY(box.minLat(), z), z);
            if ((x1 - x0 + 1) * (y1 - y0 + 1) > maxTilesPerZoom) {
                continue;
            }
            for (long y = y0; y <= y1; y++) {
                for (long x = x0; x <= x1; x++) {
                    TileCoordinates t = TileCoordinates.of(z, (int) y, (int) x);
                    tile(t);
                    drawn.add(t);
                }
            }
        }
        return drawn;
    }

    /** A column or row kept inside the zoom's matrix (a box's edge may lie on or past the world's). */
    private static long within(long cell, int zoom) {
        return Math.max(0, Math.min((1L << zoom) - 1, cell));
    }

    /** One ETag for every tile: a tile's bytes depend only on its coordinates (the URL) and the outlines. */
    public String etag() {
        return etag;
    }

    private byte[] draw(TileCoordinates t) {
        Envelope tile = WebMercatorQuad.envelope(t);
        Envelope clip = new Envelope(tile);
        clip.expandBy(tile.getWidth() * BUFFER / EXTENT);
        Geometry clipBox = factory.toGeometry(clip);
        List<Geometry> features = new ArrayList<>();
        for (Geometry outline : atZoom(t.zoom())) {
            if (!clip.intersects(outline.getEnvelopeInternal())) {
                continue;
            }
            Geometry part = clip.covers(outline.getEnvelopeInternal()) ? outline
                    : OverlayNGRobust.overlay(outline, clipBox, OverlayNG.INTERSECTION);
            Geometry g = valid(JtsAdapter.createTileGeom(part, tile, clip, factory, PARAMS, x -> true));
            if (g != null && !g.isEmpty()) {
                g.setUserData(outline.getUserData());
                features.add(g);
            }
        }
        if (features.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(LAYER, features, EXTENT)), PARAMS, new UserDataKeyValueMapConverter());
    }

    /**
     * Rounding to the tile's whole units can fold a ring onto itself, and the encoder leaves out a polygon that is not
     * valid (the tile would lack that country): such a polygon is mended and snapped back to whole units.
     */
    private static Geometry valid(Geometry tileGeometry) {
        if (tileGeometry == null || tileGeometry.isValid()) {
            return tileGeometry;
        }
        // only the areas: a ring folded flat mends into a line, which a fill does not draw
        Geometry mended = GeometryPrecisionReducer.reduce(GeometryFixer.fix(tileGeometry), WHOLE_UNITS);
        return mended.getFactory().buildGeometry(PolygonExtracter.getPolygons(mended));
    }

    /** The outlines as drawn at the zoom: simplified to its pixel below {@link #FULL_DETAIL_ZOOM}. */
    private List<Geometry> atZoom(int zoom) {
        if (zoom >= FULL_DETAIL_ZOOM) {
            return outlines;
        }
        return byZoom.computeIfAbsent(zoom, z -> {
            double pixel = 2 * WebMercatorQuad.HALF_WORLD / (1L << z) / TILE_PIXELS;
            return outlines.stream().map(o -> {
                Geometry g = GeometryFixer.fix(DouglasPeuckerSimplifier.simplify(o, pixel));
                g.setUserData(o.getUserData());
                return g;
            }).filter(g -> !g.isEmpty()).toList();
        });
    }
}
