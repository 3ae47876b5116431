package org.incidentatlas.incidents;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.storage.SqlWhere;

/**
 * The incident repository contract. Two implementations (PostGIS, H2GIS) pass one contract test
 * suite. Reads stream rows from a database cursor; pages are keyset pages in id order.
 */
public interface IncidentStore {

    /** Stores a new incident (already validated) and returns it with its id, timestamps and version 1. */
    Incident create(IncidentData data);

    /**
     * Stores many new incidents (already validated) in one transaction, as a batch: for bulk
     * loads. Returns their ids in order.
     */
    List<Long> createAll(List<IncidentData> data);

    Optional<Incident> find(long id);

    /**
     * Replaces the data of incident {@code id}. With {@code expectedVersion} set, fails with
     * {@link VersionConflictException} unless that is the stored version.
     */
    Incident update(long id, IncidentData data, Integer expectedVersion);

    /** Deletes incident {@code id}, checking {@code expectedVersion} when set. */
    void delete(long id, Integer expectedVersion);

    /** How many incidents the filter selects (answered from the indexes). */
    long count(IncidentFilter filter);

    /**
     * How many incidents the filter selects when the counts kept on write answer it exactly
     * ({@link CountPlanner}); empty when only walking every match would (numberMatched then left out).
     */
    OptionalLong numberMatched(IncidentFilter filter);

    /**
     * Streams one page of at most {@code limit} incidents in ascending id order to {@code sink},
     * starting after/before {@code cursor} (null: from the first), while the cursor is open.
     */
    default PageSlice page(IncidentFilter filter, PageCursor cursor, int limit, Consumer<Incident> sink) {
        return page(filter, IncidentOrder.ID, cursor, limit, sink);
    }

    /** As {@link #page(IncidentFilter, PageCursor, int, Consumer)}, in the given order. */
    default PageSlice page(IncidentFilter filter, IncidentOrder order, PageCursor cursor, int limit, Consumer<Incident> sink) {
        return page(filter, IncidentSort.of(order), cursor, limit, sink);
    }

    /** As {@link #page(IncidentFilter, PageCursor, int, Consumer)}, sorted by several properties. */
    PageSlice page(IncidentFilter filter, IncidentSort sort, PageCursor cursor, int limit, Consumer<Incident> sink);

    /**
     * Recomputes the border metrics of the incidents with ids above {@code afterId}, at most
     * {@code batchSize} of them, against {@code borders}, in one transaction.
     */
    RecomputedBatch recomputeBorderMetrics(BorderSet borders, long afterId, int batchSize);

    /** What one recompute batch did: how many incidents, and the last id (to continue after). */
    record RecomputedBatch(int count, long lastId) {
    }

    /**
     * The condition over table {@code incidents} that selects what {@code filter} selects, with its
     * bound values: for capabilities that build their own query on incidents (vector tiles), so
     * they apply the very filter the items apply.
     */
    SqlWhere condition(IncidentFilter filter);

    /**
     * The incidents {@code filter} selects (its bbox aside: {@code cells} is the area) summed per cell of
     * {@code cells} and event type, from the counts kept on write: a SELECT of {@code cx, cy} (in
     * {@code cells.level()}), {@code event_type, n} (incidents), {@code f} (fatalities), {@code sx, sy}
     * (sums of Mercator x / y), cells holding none left out. Empty when the kept counts cannot answer the
     * filter (anything but an event type) or the level is finer than the finest stored one: scan then.
     */
    Optional<Sql> keptCellSums(IncidentFilter filter, CellCover.Block cells);

    /**
     * What {@code filter} selects, counted per first day ({@code event_day, n}, more than one row a day possible) from
     * the counts kept on write; empty when they cannot answer the filter (anything but an event type and a country).
     */
    Optional<Sql> keptDayStarts(IncidentFilter filter);

    /** Spatial and temporal extent of all stored incidents; empty when there are none. */
    Optional<Extent> extent();

    record Extent(BoundingBox bbox, DateRange dates) {
    }
}
