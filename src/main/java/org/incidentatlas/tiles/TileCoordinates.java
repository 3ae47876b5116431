package org.incidentatlas.tiles;

import org.incidentatlas.web.ApiException;


/** One tile of WebMercatorQuad: zoom (tile matrix), row from the north, column from the west. */
public record TileCoordinates(int zoom, int row, int col) {

    /** The tile, or a 404 naming the limits when it lies outside the tile matrix set. */
    public static TileCoordinates of(int zoom, int row, int col) {
        if (zoom < 0 || zoom > WebMercatorQuad.MAX_ZOOM) {
            throw ApiException.notFound("tile matrix " + zoom + " is not in WebMercatorQuad here; zooms run from 0 to "
                    + WebMercatorQuad.MAX_ZOOM);
        }
        long size = 1L << zoom;
        if (row < 0 || row >= size || col < 0 || col >= size) {
            throw ApiException.notFound("tile row " + row + ", column " + col + " is outside tile matrix " + zoom
                    + ", whose rows and columns run from 0 to " + (size - 1));
        }
        return new TileCoordinates(zoom, row, col);
    }
}
