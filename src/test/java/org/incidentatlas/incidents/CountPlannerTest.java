package org.incidentatlas.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.junit.jupiter.api.Test;

/** Which kept counts answer which filters, and that a bbox's cover counts each finest cell exactly once. */
class CountPlannerTest {

    private static final BoundingBox BOX = new BoundingBox(45, 39, 46, 40);
    private static final DateRange SEPTEMBER = new DateRange(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 9, 30));

    private static IncidentFilter typeAndCountry(String type, String country) {
        return new IncidentFilter(null, null, type, null, country, null, null, null, null, null, null, null);
    }

    @Test
    void propertyAndDateFiltersReadTheKeptSums() {
        assertThat(CountPlanner.plan(IncidentFilter.ALL)).isEqualTo(new CountPlan.Totals(null));
        assertThat(CountPlanner.plan(typeAndCountry("Battles", null))).isEqualTo(new CountPlan.Totals("Battles"));
        assertThat(CountPlanner.plan(typeAndCountry("Battles", "ARM"))).isEqualTo(new CountPlan.Days(null, "Battles", "ARM"));
        assertThat(CountPlanner.plan(IncidentFilter.ALL.withDates(SEPTEMBER))).isEqualTo(new CountPlan.Days(SEPTEMBER, null, null));
        assertThat(CountPlanner.plan(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), 5000.0)))
                .isEqualTo(new CountPlan.BorderBands(List.of("ARM-AZE"), 5000.0));
    }

    @Test
    void aBboxWithAtMostAnEventTypeReadsTheCells() {
        assertThat(CountPlanner.plan(IncidentFilter.ALL.withBbox(BOX))).isInstanceOf(CountPlan.Cells.class);
        assertThat(CountPlanner.plan(typeAndCountry("Riots", null).withBbox(BOX))).isInstanceOf(CountPlan.Cells.class);
    }

    @Test
    void whatNoKeptCountAnswersIsLeftOut() {
        List<IncidentFilter> omitted = List.of(IncidentFilter.ALL.withBbox(BOX).withDates(SEPTEMBER),
                typeAndCountry(null, "AZE").withBbox(BOX), IncidentFilter.ALL.withBbox(new BoundingBox(170, 0, -170, 10)),
                new IncidentFilter(null, null, null, "Armed clash", null, null, null, null, null, null, null, null),
                new IncidentFilter(null, null, null, null, null, "Syunik", null, null, null, null, null, null),
                new IncidentFilter(null, null, null, null, null, null, "Someone", null, null, null, null, null),
                IncidentFilter.ALL.withNear(new IncidentFilter.Proximity(45, 40, 1000)),
                IncidentFilter.ALL.withBorderDistance(null, 5000.0),
                IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), 5000.0).withDates(SEPTEMBER));
        for (IncidentFilter f : omitted) {
            assertThat(CountPlanner.plan(f)).as("%s", f).isInstanceOf(CountPlan.Omitted.class);
        }
    }

    @Test
    void theBlocksOfACoverAreInsideTheBoxDisjointAndMakeUpTheFinestBlock() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            double w = -170 + random.nextDouble() * 330;
            double s = -80 + random.nextDouble() * 150;
            double size = Math.pow(10, -3 + random.nextDouble() * 4);
            BoundingBox box = new BoundingBox(w, s, Math.min(180, w + size), Math.min(85, s + size * 0.7));
            CellCover cover = CellCover.of(box).orElseThrow();
            CellCover.Block finest = cover.finest();
            long area = 0;
            List<CellCover.Block> atFinest = new ArrayList<>();
            for (CellCover.Block b : cover.blocks()) {
                assertThat(MercatorCells.west(b.x0(), b.level())).isGreaterThanOrEqualTo(box.minLon());
                assertThat(MercatorCells.west(b.x1() + 1, b.level())).isLessThanOrEqualTo(box.maxLon());
                assertThat(MercatorCells.north(b.y0(), b.level())).isLessThanOrEqualTo(box.maxLat());
                assertThat(MercatorCells.north(b.y1() + 1, b.level())).isGreaterThanOrEqualTo(box.minLat());
                CellCover.Block f = b.at(MercatorCells.FINEST);
                area += (f.x1() - f.x0() + 1) * (f.y1() - f.y0() + 1);
                atFinest.add(f);
            }
            long finestArea = finest.isEmpty() ? 0 : (finest.x1() - finest.x0() + 1) * (finest.y1() - finest.y0() + 1);
            assertThat(area).as("blocks of %s", box).isEqualTo(finestArea);
            Set<Long> corners = new HashSet<>();
            for (CellCover.Block f : atFinest) {
                assertThat(f.x0()).isGreaterThanOrEqualTo(finest.x0());
                assertThat(f.x1()).isLessThanOrEqualTo(finest.x1());
                assertThat(f.y0()).isGreaterThanOrEqualTo(finest.y0());
                assertThat(f.y1()).isLessThanOrEqualTo(finest.y1());
                assertThat(corners.add(f.x0() * 100_000_000L + f.y0())).isTrue();
            }
            // blocks that lie within the finest one and add up to its area without sharing a corner cannot overlap
            // unless one holds another's corner: check pairwise
            for (int a = 0; a < atFinest.size(); a++) {
                for (int b = a + 1; b < atFinest.size(); b++) {
                    CellCover.Block p = atFinest.get(a);
                    CellCover.Block q = atFinest.get(b);
                    boolean overlap = p.x0() <= q.x1() && q.x0() <= p.x1() && p.y0() <= q.y1() && q.y0() <= p.y1();
                    assertThat(overlap).as("%s and %s of %s", p, q, box).isFalse();
                }
            }
        }
    }

    @Test
    void theRunsOfACoverAreItsBlocksCellForCell() {
        Random random = new Random(11);
        for (int i = 0; i < 100; i++) {
            double w = 40 + random.nextDouble() * 10;
            double s = 35 + random.nextDouble() * 10;
            double size = Math.pow(10, -2 + random.nextDouble() * 3);
            CellCover cover = CellCover.of(new BoundingBox(w, s, w + size, s + size * 0.6)).orElseThrow();
            Set<String> blockCells = new HashSet<>();
            for (CellCover.Block b : cover.blocks()) {
                for (long x = b.x0(); x <= b.x1(); x++) {
                    for (long y = b.y0(); y <= b.y1(); y++) {
                        blockCells.add(b.level() + "/" + x + "/" + y);
                    }
                }
            }
            List<String> runCells = new ArrayList<>();
            for (CellCover.Run r : cover.runs()) {
                for (long v = r.from(); v <= r.to(); v++) {
                    runCells.add(r.level() + "/" + (r.row() ? v + "/" + r.at() : r.at() + "/" + v));
                }
            }
            assertThat(runCells).as("runs of %s", cover).hasSize(blockCells.size()).containsExactlyInAnyOrderElementsOf(blockCells);
        }
    }

    @Test
    void aStripsSureBoundsLieBeyondTheFinestBlockByTheMargin() {
        CellCover cover = CellCover.of(BOX).orElseThrow();
        CellCover.Block f = cover.finest();
        int l = f.level();
        List<CellCover.Strip> strips = cover.boundary();
        assertThat(strips).hasSize(4);
        // north, south, west, east: a point at the sure bound is in the next cell out, whatever the rounding
        assertThat(MercatorCells.cellY(strips.get(0).sureAbove(), l)).isEqualTo(f.y0() - 1);
        assertThat(MercatorCells.cellY(strips.get(1).sureBelow(), l)).isEqualTo(f.y1() + 1);
        assertThat(MercatorCells.cellX(strips.get(2).sureBelow(), l)).isEqualTo(f.x0() - 1);
        assertThat(MercatorCells.cellX(strips.get(3).sureAbove(), l)).isEqualTo(f.x1() + 1);
        assertThat(strips.get(0).sureBelow()).isInfinite();
        assertThat(strips.get(3).sureBelow()).isInfinite();
        // a box too small for a finest cell is one strip whose every point is counted by its coordinates
        CellCover tiny = CellCover.of(new BoundingBox(45.3001, 39.7501, 45.3002, 39.7502)).orElseThrow();
        assertThat(tiny.finest().isEmpty()).isTrue();
        assertThat(tiny.boundary()).singleElement().satisfies(s -> assertThat(s.sureBelow()).isEqualTo(Double.POSITIVE_INFINITY));
    }
}
