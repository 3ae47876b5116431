package org.incidentatlas.incidents;

import java.util.List;

/**
 * The quadtree of Web Mercator cells the kept counts are summed in (migration V10): a cell of level L
 * is the WebMercatorQuad tile of zoom L (columns from the west, rows from the north). The arithmetic is
 * the one the tile renderers and the PostgreSQL functions {@code atlas_cell_x / atlas_cell_y} do, operation
 * for operation, so a point falls in the same cell whoever computes it.
 */
public final class MercatorCells {

    /** The stored levels, coarse to fine, two apart: a cell holds 4 x 4 cells of the next level. */
    public static final List<Integer> LEVELS = List.of(7, 9, 11, 13, 15);
    public static final int FINEST = 15;

    private static final double RADIUS = 6378137.0;
    private static final double HALF_WORLD = Math.PI * RADIUS;
    /** Beyond this the Mercator logarithm runs away; such points lie outside every tile anyway. */
    private static final double POLE = 89.999999;

    private MercatorCells() {
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(Math.max(-POLE, Math.min(POLE, lat))) / 2)) * RADIUS;
    }

    /** The column of the cell holding longitude {@code lon} at {@code level} (also an H2 function, V10_1). */
    public static int cellX(double lon, int level) {
        return (int) Math.floor((x(lon) + HALF_WORLD) / side(level));
    }

    /** The row of the cell holding latitude {@code lat} at {@code level}, counted from the north (also an H2 function). */
    public static int cellY(double lat, int level) {
        return (int) Math.floor((HALF_WORLD - y(lat)) / side(level));
    }

    /** The west edge of column {@code cx}, degrees. */
    static double west(long cx, int level) {
        return Math.toDegrees((cx * side(level) - HALF_WORLD) / RADIUS);
    }

    /** The north edge of row {@code cy}, degrees. */
    static double north(long cy, int level) {
        return Math.toDegrees(2 * Math.atan(Math.exp((HALF_WORLD - cy * side(level)) / RADIUS)) - Math.PI / 2);
    }

    /** Cells per side at a level. */
    static long span(int level) {
        return 1L << level;
    }

    private static double side(int level) {
        return 2 * HALF_WORLD / (1L << level);
    }
}
