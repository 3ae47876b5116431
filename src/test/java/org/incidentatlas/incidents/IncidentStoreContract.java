package org.incidentatlas.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.incidentatlas.incidents.TestIncidents.WGS84;
import static org.incidentatlas.incidents.TestIncidents.point;
import static org.incidentatlas.incidents.TestIncidents.shelling;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.borders.TestBorders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The repository contract: every {@link IncidentStore} implementation passes these same tests
 * against its real database.
 */
abstract class IncidentStoreContract {

    static final LocalDate DAY = LocalDate.of(2022, 9, 13);

    static BorderSet borders;

    HikariDataSource dataSource;
    IncidentStore store;

    @BeforeAll
    static void loadBorders() throws IOException {
        borders = TestBorders.committed();
    }

    /** A fresh, migrated, empty database of the backend under test. */
    abstract HikariDataSource newDatabase();

    abstract IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions);

    @BeforeEach
    void open() {
        dataSource = newDatabase();
        store = newStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void storesAndReturnsEveryField() {
        IncidentData data = shelling(DAY, 45.4653, 40.1372);
        Incident stored = store.create(data);

        assertThat(stored.id()).isPositive();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdAt()).isEqualTo(stored.updatedAt());
        assertThat(stored.data()).usingRecursiveComparison().ignoringFields("location.geometry").isEqualTo(data);
        assertThat(stored.data().location().geometry().equalsExact(data.location().geometry())).isTrue();
        assertThat(store.find(stored.id())).contains(stored);
    }

    @Test
    void keepsLinesAndPolygonsAndMultiDayEvents() {
        Geometry road = WGS84.createLineString(new Coordinate[] {
                new Coordinate(46.40, 39.50), new Coordinate(46.55, 39.60), new Coordinate(46.75, 39.81)});
        Geometry area = WGS84.createPolygon(new Coordinate[] {new Coordinate(45.0, 40.0), new Coordinate(45.2, 40.0),
                new Coordinate(45.2, 40.2), new Coordinate(45.0, 40.0)});
        IncidentData base = TestIncidents.withDates(shelling(DAY, 0, 0), DAY, DAY.plusDays(2), DatePrecision.WEEK);
        Incident onRoad = store.create(TestIncidents.withLocation(base,
                new IncidentLocation(road, "A road", "road-1", "AZE", null, null, 2)));
        Incident inArea = store.create(TestIncidents.withLocation(base,
                new IncidentLocation(area, "An area", null, null, null, null, 3)));

        assertThat(store.find(onRoad.id()).orElseThrow().data().location().geometry().equalsExact(road)).isTrue();
        assertThat(store.find(inArea.id()).orElseThrow().data().location().geometry().equalsExact(area)).isTrue();
        assertThat(store.find(inArea.id()).orElseThrow().data().location().country()).isNull();
        assertThat(store.find(onRoad.id()).orElseThrow().data().eventDateEnd()).isEqualTo(DAY.plusDays(2));
        assertThat(store.find(onRoad.id()).orElseThrow().data().datePrecision()).isEqualTo(DatePrecision.WEEK);
    }

    @Test
    void updateChecksTheVersionAndKeepsTheOldDataOnConflict() {
        Incident v1 = store.create(shelling(DAY, 45.0, 40.0));
        IncidentData changed = TestIncidents.withFatalities(v1.data(), new Casualties(5, 4, 6));

        Incident v2 = store.update(v1.id(), changed, 1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.data().fatalities()).isEqualTo(new Casualties(5, 4, 6));
        assertThat(v2.updatedAt()).isAfterOrEqualTo(v1.updatedAt());
        assertThat(v2.createdAt()).isEqualTo(v1.createdAt());

        assertThatThrownBy(() -> store.update(v1.id(), v1.data(), 1))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).currentVersion()).isEqualTo(2));
        assertThat(store.find(v1.id()).orElseThrow()).isEqualTo(v2);

        Incident v3 = store.update(v1.id(), v1.data(), null);
        assertThat(v3.version()).isEqualTo(3);
        assertThatThrownBy(() -> store.update(v1.id() + 1000, v1.data(), null)).isInstanceOf(IncidentNotFoundException.class);
    }

    @Test
    void deleteChecksTheVersion() {
        Incident kept = store.create(shelling(DAY, 45.0, 40.0));
        Incident gone = store.create(shelling(DAY, 45.1, 40.1));

        assertThatThrownBy(() -> store.delete(kept.id(), 7)).isInstanceOf(VersionConflictException.class);
        assertThat(store.find(kept.id())).isPresent();

        store.delete(gone.id(), 1);
        assertThat(store.find(gone.id())).isEmpty();
        assertThatThrownBy(() -> store.delete(gone.id(), null)).isInstanceOf(IncidentNotFoundException.class);
        assertThat(store.count(IncidentFilter.ALL)).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesInconsistentFigures() {
        IncidentData broken = TestIncidents.withFatalities(shelling(DAY, 45.0, 40.0), new Casualties(5, 6, 7));
        assertThatThrownBy(() -> store.create(broken)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(store.count(IncidentFilter.ALL)).isZero();
    }

    @Test
    void bboxSelectsWhatIntersectsTheBox() {
        Incident inside = store.create(shelling(DAY, 45.5, 40.5));
        store.create(shelling(DAY, 46.5, 40.5));
        Geometry crossing = WGS84.createLineString(new Coordinate[] {new Coordinate(44.0, 39.0), new Coordinate(44.0, 42.0)});
        Incident line = store.create(TestIncidents.withLocation(shelling(DAY, 0, 0),
                new IncidentLocation(crossing, "line", null, null, null, null, 2)));
        // The line's bounding box overlaps the box, but the line itself passes west of it.
        Geometry nearMiss = WGS84.createLineString(new Coordinate[] {new Coordinate(44.9, 39.0), new Coordinate(44.9, 40.5),
                new Coordinate(44.5, 42.0)});
        store.create(TestIncidents.withLocation(shelling(DAY, 0, 0), new IncidentLocation(
                WGS84.createLineString(new Coordinate[] {new Coordinate(44.5, 40.9), new Coordinate(45.5, 41.9)}),
                "diagonal outside", null, null, null, null, 2)));
        store.create(TestIncidents.withLocation(shelling(DAY, 0, 0), new IncidentLocation(nearMiss, "west", null, null, null, null, 2)));

        IncidentFilter box = IncidentFilter.ALL.withBbox(new BoundingBox(45.0, 40.0, 46.0, 41.0));
        assertThat(ids(box)).containsExactly(inside.id());
        assertThat(store.count(box)).isEqualTo(1);
        IncidentFilter wide = IncidentFilter.ALL.withBbox(new BoundingBox(43.5, 40.0, 46.0, 41.0));
        assertThat(ids(wide)).contains(inside.id(), line.id());
    }

    @Test
    void datetimeSelectsEventsOverlappingTheDays() {
        Incident single = store.create(shelling(DAY, 45.0, 40.0));
        Incident multi = store.create(TestIncidents.withDates(shelling(DAY, 45.0, 40.0), DAY.plusDays(5), DAY.plusDays(9),
                DatePrecision.DAY));
        Incident later = store.create(shelling(DAY.plusYears(1), 45.0, 40.0));

        assertThat(ids(IncidentFilter.ALL.withDates(DateRange.day(DAY)))).containsExactly(single.id());
        assertThat(ids(IncidentFilter.ALL.withDates(DateRange.day(DAY.plusDays(7))))).containsExactly(multi.id());
        assertThat(ids(IncidentFilter.ALL.withDates(new DateRange(DAY.plusDays(1), DAY.plusDays(5))))).containsExactly(multi.id());
        assertThat(ids(IncidentFilter.ALL.withDates(new DateRange(null, DAY.plusDays(5))))).containsExactly(single.id(), multi.id());
        assertThat(ids(IncidentFilter.ALL.withDates(new DateRange(DAY.plusDays(9), null)))).containsExactly(multi.id(), later.id());
        assertThat(store.count(IncidentFilter.ALL.withDates(new DateRange(DAY.plusDays(10), DAY.plusDays(20))))).isZero();
    }

    @Test
    void propertyFiltersCombineWithAnd() {
        Incident shelling = store.create(shelling(DAY, 45.0, 40.0));
        Incident clash = store.create(TestIncidents.withType(shelling(DAY, 45.0, 40.0), EventTaxonomy.BATTLES,
                "Armed clash", "Artsakh Defense Army"));
        IncidentFilter battles = new IncidentFilter(null, null, EventTaxonomy.BATTLES, null, null, null, null, null, null,
                null, null, null);
        IncidentFilter artsakh = new IncidentFilter(null, null, null, null, null, null, "Artsakh Defense Army", null, null,
                null, null, null);
        IncidentFilter azerbaijanAsActor1 = new IncidentFilter(null, null, null, null, "ARM", "Syunik",
                "Military Forces of Azerbaijan (2003-)", null, 1, null, null, null);
        IncidentFilter none = new IncidentFilter(null, null, EventTaxonomy.BATTLES, null, "AZE", null, null, null, null,
                null, null, null);

        assertThat(ids(battles)).containsExactly(clash.id());
        assertThat(ids(artsakh)).containsExactly(clash.id());
        assertThat(ids(azerbaijanAsActor1)).containsExactly(shelling.id(), clash.id());
        assertThat(store.count(none)).isZero();
    }

    @Test
    void keysetPagesWalkEveryIncidentExactlyOnceInBothDirections() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(store.create(shelling(DAY.plusDays(i), 44.0 + i * 0.05, 40.0)).id());
        }
        List<Long> forward = new ArrayList<>();
        PageCursor cursor = null;
        PageCursor lastPage = null;
        int pages = 0;
        do {
            List<Long> page = new ArrayList<>();
            PageSlice slice = store.page(IncidentFilter.ALL, cursor, 5, i -> page.add(i.id()));
            assertThat(slice.returned()).isEqualTo(page.size());
            assertThat(slice.previous() == null).isEqualTo(pages == 0);
            forward.addAll(page);
            lastPage = cursor;
            cursor = slice.next();
            pages++;
        } while (cursor != null);
        assertThat(forward).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(5);

        // back from the last page with prev cursors
        List<Long> backward = new ArrayList<>();
        PageSlice slice = store.page(IncidentFilter.ALL, lastPage, 5, i -> backward.add(i.id()));
        while (slice.previous() != null) {
            List<Long> page = new ArrayList<>();
            slice = store.page(IncidentFilter.ALL, slice.previous(), 5, i -> page.add(i.id()));
            backward.addAll(0, page);
        }
        assertThat(backward).containsExactlyElementsOf(all);
    }

    @Test
    void pagesOfAFilterSkipWhatItExcludesAndAPagePastTheEndLinksBack() {
        List<Long> inside = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Incident in = store.create(shelling(DAY, 45.5, 40.5));
            store.create(shelling(DAY, 47.5, 40.5));
            inside.add(in.id());
        }
        IncidentFilter box = IncidentFilter.ALL.withBbox(new BoundingBox(45.0, 40.0, 46.0, 41.0));
        List<Long> seen = new ArrayList<>();
        PageSlice first = store.page(box, null, 10, i -> seen.add(i.id()));
        PageSlice second = store.page(box, first.next(), 10, i -> seen.add(i.id()));
        assertThat(seen).containsExactlyElementsOf(inside);
        assertThat(second.next()).isNull();

        PageSlice beyond = store.page(box, PageCursor.after(Long.toString(inside.get(11) + 100)), 10, i -> { });
        assertThat(beyond.returned()).isZero();
        List<Long> back = new ArrayList<>();
        store.page(box, beyond.previous(), 10, i -> back.add(i.id()));
        assertThat(back).containsExactlyElementsOf(inside.subList(2, 12));
    }

    @Test
    void extentCoversGeometriesAndDays() {
        assertThat(store.extent()).isEmpty();
        store.create(shelling(DAY, 45.25, 39.5));
        store.create(TestIncidents.withDates(shelling(DAY, 46.75, 41.0), DAY.plusDays(3), DAY.plusDays(4), DatePrecision.DAY));
        IncidentStore.Extent extent = store.extent().orElseThrow();
        assertThat(extent.bbox()).isEqualTo(new BoundingBox(45.25, 39.5, 46.75, 41.0));
        assertThat(extent.dates()).isEqualTo(new DateRange(DAY, DAY.plusDays(4)));

        // points and other geometries are found by different indexes on PostGIS: the extent is their union
        Geometry road = WGS84.createLineString(new Coordinate[] {new Coordinate(45.5, 38.75), new Coordinate(47.0, 40.0)});
        store.create(TestIncidents.withLocation(shelling(DAY, 0, 0), new IncidentLocation(road, "A road", null, null, null, null, 2)));
        assertThat(store.extent().orElseThrow().bbox()).isEqualTo(new BoundingBox(45.25, 38.75, 47.0, 41.0));
    }

    @Test
    void extentOfOtherGeometriesAlone() {
        Geometry area = WGS84.createPolygon(new Coordinate[] {new Coordinate(45.0, 40.0), new Coordinate(45.2, 40.0),
                new Coordinate(45.2, 40.2), new Coordinate(45.0, 40.0)});
        store.create(TestIncidents.withLocation(shelling(DAY, 0, 0), new IncidentLocation(area, "An area", null, null, null, null, 3)));
        assertThat(store.extent().orElseThrow().bbox()).isEqualTo(new BoundingBox(45.0, 40.0, 45.2, 40.2));
    }

    @Test
    void pointsRoundTripAtFullPrecision() {
        Incident stored = store.create(shelling(DAY, 46.123456789, 39.987654321));
        Coordinate c = store.find(stored.id()).orElseThrow().data().location().geometry().getCoordinate();
        assertThat(c.x).isEqualTo(46.123456789);
        assertThat(c.y).isEqualTo(39.987654321);
        assertThat(point(c.x, c.y).getSRID()).isEqualTo(4326);
    }

    @Test
    void everyWriteStoresBorderMetrics() {
        // Goris (Syunik): a few kilometres west of the Armenia–Azerbaijan border, on the Armenian side
        Incident goris = store.create(shelling(DAY, 46.3417, 39.5111));
        assertThat(goris.border().nearestBorder()).isEqualTo("ARM-AZE");
        assertThat(goris.border().side()).isEqualTo("ARM");
        assertThat(goris.border().distanceM()).isBetween(1_000.0, 15_000.0);
        assertThat(goris.border().distanceM()).isCloseTo(
                borders.nearest("ARM-AZE", 46.3417, 39.5111).orElseThrow().distanceM(), org.assertj.core.data.Offset.offset(0.01));
        // moved into Azerbaijan (Lachin): the metrics follow the update
        IncidentData moved = TestIncidents.withLocation(goris.data(), new IncidentLocation(point(46.5469, 39.6408), "Lachin",
                null, "AZE", null, null, 1));
        Incident lachin = store.update(goris.id(), moved, 1);
        assertThat(lachin.border().side()).isEqualTo("AZE");
        assertThat(lachin.border().nearestLon()).isNotNull();
        assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), lachin.border().distanceM() + 1)))
                .isEqualTo(1);
        assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), lachin.border().distanceM() - 1)))
                .isZero();
    }

    @Test
    void pagesSortedByBorderDistanceWalkEveryIncidentOnce() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            all.add(store.create(shelling(DAY, 45.2 + i * 0.07, 39.9 + (i % 4) * 0.1)).id());
        }
        for (IncidentOrder order : List.of(IncidentOrder.BORDER_DISTANCE, IncidentOrder.BORDER_DISTANCE_DESC)) {
            List<Incident> walked = new ArrayList<>();
            PageCursor cursor = null;
            do {
                PageSlice slice = store.page(IncidentFilter.ALL, order, cursor, 4, walked::add);
                cursor = slice.next();
            } while (cursor != null);
            assertThat(walked).extracting(Incident::id).containsExactlyInAnyOrderElementsOf(all);
            List<Double> distances = walked.stream().map(i -> i.border().distanceM()).toList();
            List<Double> sorted = new ArrayList<>(distances);
            sorted.sort(order == IncidentOrder.BORDER_DISTANCE ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
            assertThat(distances).containsExactlyElementsOf(sorted);
        }
    }

    @Test
    void recomputingMetricsFollowsNewBorders() {
        Incident a = store.create(shelling(DAY, 45.5, 40.2));
        Incident b = store.create(shelling(DAY, 45.6, 40.3));
        // a line of contact running right through incident a
        Border line = new Border("TEST-LINE", "test line", Border.CUSTOM, null, null,
                WGS84.createLineString(new Coordinate[] {new Coordinate(45.5, 40.0), new Coordinate(45.5, 40.5)}), "test", null,
                null, null);
        List<Border> more = new ArrayList<>(borders.borders());
        more.add(line);
        BorderSet withLine = new BorderSet(more, TestBorders.countriesOrEmpty());
        long after = 0;
        int done = 0;
        IncidentStore.RecomputedBatch batch;
        while ((batch = store.recomputeBorderMetrics(withLine, after, 1)).count() > 0) {
            done += batch.count();
            after = batch.lastId();
        }
        assertThat(done).isEqualTo(2);
        assertThat(store.find(a.id()).orElseThrow().border().nearestBorder()).isEqualTo("TEST-LINE");
        assertThat(store.find(a.id()).orElseThrow().border().distanceM()).isLessThan(0.01);
        assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("TEST-LINE"), 10_000.0))).isEqualTo(2);
        assertThat(store.find(b.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void withinNMetresCountsStayExactThroughCreatesUpdatesDeletesAndRecomputes() {
        java.util.Random random = new java.util.Random(7);
        List<IncidentData> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(shelling(DAY, 45.0 + random.nextDouble() * 1.6, 39.2 + random.nextDouble() * 2.0));
        }
        List<Long> ids = new ArrayList<>(store.createAll(batch));
        assertCountsMatchTheDistances();

        for (int i = 0; i < 10; i++) {
            Incident moved = store.find(ids.get(i)).orElseThrow();
            store.update(moved.id(), shelling(DAY, 45.0 + random.nextDouble() * 1.6, 39.2 + random.nextDouble() * 2.0), moved.version());
        }
        for (int i = 10; i < 18; i++) {
            store.delete(ids.get(i), null);
        }
        assertCountsMatchTheDistances();

        Border line = new Border("TEST-LINE", "test line", Border.CUSTOM, null, null,
                WGS84.createLineString(new Coordinate[] {new Coordinate(45.5, 39.0), new Coordinate(45.9, 41.5)}), "test", null,
                null, null);
        List<Border> more = new ArrayList<>(borders.borders());
        more.add(line);
        recomputeAll(new BorderSet(more, TestBorders.countriesOrEmpty()));
        assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("TEST-LINE"), 250_000.0))).isEqualTo(52);
        recomputeAll(borders);
        assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("TEST-LINE"), 250_000.0))).isZero();
        assertCountsMatchTheDistances();
    }

    /** For every incident's own distance (and just around it, and on band edges), the count equals the incidents it covers. */
    private void assertCountsMatchTheDistances() {
        List<Double> distances = new ArrayList<>();
        store.page(IncidentFilter.ALL, null, 1000, i -> distances.add(
                borders.nearest("ARM-AZE", i.data().location().geometry().getCoordinate().x,
                        i.data().location().geometry().getCoordinate().y).orElseThrow().distanceM()));
        List<Double> thresholds = new ArrayList<>(List.of(0.0, 100.0, 5_000.0, 20_000.0, 249_999.9));
        for (double d : distances) {
            thresholds.add(d);
            thresholds.add(Math.nextDown(d));
            thresholds.add(Math.floor(d / 100) * 100);
        }
        for (double max : thresholds) {
            long expected = distances.stream().filter(d -> d <= max).count();
            assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), max))).as("within %s m", max)
                    .isEqualTo(expected);
        }
        assertThat(ids(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), 20_000.0))).hasSize(
                (int) distances.stream().filter(d -> d <= 20_000.0).count());
    }

    private void recomputeAll(BorderSet set) {
        long after = 0;
        IncidentStore.RecomputedBatch batch;
        while ((batch = store.recomputeBorderMetrics(set, after, 7)).count() > 0) {
            after = batch.lastId();
        }
    }

    private List<Long> ids(IncidentFilter filter) {
        List<Long> ids = new ArrayList<>();
        store.page(filter, null, 1000, i -> ids.add(i.id()));
        assertThat(store.count(filter)).isEqualTo(ids.size());
        return ids;
    }
}
