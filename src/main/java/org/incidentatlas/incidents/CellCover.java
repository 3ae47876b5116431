package org.incidentatlas.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.incidentatlas.filter.BoundingBox;

/**
 * A longitude / latitude box as the stored cells wholly inside it, the coarsest that fit first
 * ({@link #blocks}: each cell counted at one level only), and the {@link #boundary} strips the
 * finest of them leave uncovered, where the incidents are counted one by one through the spatial
 * index. Mercator columns depend on longitude only and rows on latitude only, so the cells inside
 * a box at one level form one rectangle, and the next level's rectangle holds it.
 */
public record CellCover(List<Block> blocks, Block finest, List<Strip> boundary) {

    /**
     * How far inside the box a cell must lie, degrees: far more than the rounding of the cell
     * arithmetic (1e-14 degrees), so a point's computed cell never disagrees with the box test.
     */
    static final double MARGIN = 1e-9;

    /** Columns {@code x0..x1} and rows {@code y0..y1} (inclusive) of one level. */
    public record Block(int level, long x0, long x1, long y0, long y1) {

        boolean isEmpty() {
            return x0 > x1 || y0 > y1;
        }

        /** The same area in the cells of {@code finer}. */
        Block at(int finer) {
            int shift = finer - level;
            return new Block(finer, x0 << shift, ((x1 + 1) << shift) - 1, y0 << shift, ((y1 + 1) << shift) - 1);
        }
    }

    /**
     * One row ({@code row}: cells {@code from..to} of row {@code at}) or one column ({@code from..to} of column
     * {@code at}) of a level: what one index range of incident_cells reads.
     */
    public record Run(int level, boolean row, long at, long from, long to) {
    }

    /**
     * One boundary strip. {@code wide}: it spans the box from west to east and is thin in latitude (the
     * north and south strips); else it is thin in longitude and its latitude edges are shared with the
     * wide strips, so a point on them belongs to the wide strip (the strips are disjoint that way).
     * A point whose coordinate across the strip (latitude in a wide one, longitude in a tall one) is at
     * most {@code sureBelow} or at least {@code sureAbove} lies {@link #MARGIN} beyond the finest block's
     * edge, so its cell is outside the block without computing it.
     */
    public record Strip(BoundingBox box, boolean wide, double sureBelow, double sureAbove) {
    }

    /** The blocks as runs, each cut along its longer side (a few long runs rather than many short ones). */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (Block b : blocks) {
            boolean rows = b.y1() - b.y0() <= b.x1() - b.x0();
            long first = rows ? b.y0() : b.x0();
            long last = rows ? b.y1() : b.x1();
            for (long at = first; at <= last; at++) {
                runs.add(rows ? new Run(b.level(), true, at, b.x0(), b.x1()) : new Run(b.level(), false, at, b.y0(), b.y1()));
            }
        }
        return runs;
    }

    /** The cover of a box that does not cross the antimeridian (empty for one that does). */
    public static Optional<CellCover> of(BoundingBox box) {
        if (box.crossesAntimeridian()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        Block previous = null;
        for (int level : MercatorCells.LEVELS) {
            Block inside = inside(box, level);
            if (previous == null || previous.isEmpty()) {
                if (!inside.isEmpty()) {
                    blocks.add(inside);
                }
            } else {
                blocks.addAll(ring(inside, previous.at(level)));
            }
            previous = inside;
        }
        return Optional.of(new CellCover(blocks, previous, strips(box, previous)));
    }

    /** The cells of {@code level} wholly inside the box, {@link #MARGIN} to spare. */
    static Block inside(BoundingBox box, int level) {
        long last = MercatorCells.span(level) - 1;
        long x0 = Math.max(0, MercatorCells.cellX(box.minLon(), level));
        while (x0 <= last && MercatorCells.west(x0, level) < box.minLon() + MARGIN) {
            x0++;
        }
        long x1 = Math.min(last, MercatorCells.cellX(box.maxLon(), level));
        while (x1 >= 0 && MercatorCells.west(x1 + 1, level) > box.maxLon() - MARGIN) {
            x1--;
        }
        long y0 = Math.max(0, MercatorCells.cellY(box.maxLat(), level));
        while (y0 <= last && MercatorCells.north(y0, level) > box.maxLat() - MARGIN) {
            y0++;
        }
        long y1 = Math.min(last, MercatorCells.cellY(box.minLat(), level));
        while (y1 >= 0 && MercatorCells.north(y1 + 1, level) < box.minLat() + MARGIN) {
            y1--;
        }
        return new Block(level, x0, x1, y0, y1);
    }

    /** {@code outer} less {@code hole} (which it holds): the rows above and below, the columns left and right. */
    static List<Block> ring(Block outer, Block hole) {
        int l = outer.level();
        List<Block> parts = new ArrayList<>(List.of(
                new Block(l, outer.x0(), outer.x1(), outer.y0(), hole.y0() - 1),
                new Block(l, outer.x0(), outer.x1(), hole.y1() + 1, outer.y1()),
                new Block(l, outer.x0(), hole.x0() - 1, hole.y0(), hole.y1()),
                new Block(l, hole.x1() + 1, outer.x1(), hole.y0(), hole.y1())));
        parts.removeIf(Block::isEmpty);
        return parts;
    }

    /**
     * The parts of the box outside the finest block shrunk by {@link #MARGIN}: every point of the box
     * whose cell is not in that block lies in one of them. The whole box when the block is empty.
     */
    static List<Strip> strips(BoundingBox box, Block finest) {
        double none = Double.NEGATIVE_INFINITY;
        double all = Double.POSITIVE_INFINITY;
        if (finest.isEmpty()) {
            return List.of(new Strip(box, true, all, all));
        }
        int l = finest.level();
        double westEdge = MercatorCells.west(finest.x0(), l);
        double eastEdge = MercatorCells.west(finest.x1() + 1, l);
        double northEdge = MercatorCells.north(finest.y0(), l);
        double southEdge = MercatorCells.north(finest.y1() + 1, l);
        double west = westEdge + MARGIN;
        double east = eastEdge - MARGIN;
        double north = northEdge - MARGIN;
        double south = southEdge + MARGIN;
        return List.of(new Strip(new BoundingBox(box.minLon(), north, box.maxLon(), box.maxLat()), true, none, northEdge + MARGIN),
                new Strip(new BoundingBox(box.minLon(), box.minLat(), box.maxLon(), south), true, southEdge - MARGIN, all),
                new Strip(new BoundingBox(box.minLon(), south, west, north), false, westEdge - MARGIN, all),
                new Strip(new BoundingBox(east, south, box.maxLon(), north), false, none, eastEdge + MARGIN));
    }
}
