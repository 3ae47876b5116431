package org.incidentatlas.incidents;

import java.util.Optional;
import java.util.function.Consumer;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;

/**
 * The incident repository contract. Two implementations (PostGIS, H2GIS) pass one contract test
 * suite. Reads stream rows from a database cursor; pages are keyset pages in id order.
 */
public interface IncidentStore {

    /** Stores a new incident (already validated) and returns it with its id, timestamps and version 1. */
    Incident create(IncidentData data);

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
     * Streams one page of at most {@code limit} incidents in ascending id order to {@code sink},
     * starting after/before {@code cursor} (null: from the first), while the cursor is open.
     */
    PageSlice page(IncidentFilter filter, PageCursor cursor, int limit, Consumer<Incident> sink);

    /** Spatial and temporal extent of all stored incidents; empty when there are none. */
    Optional<Extent> extent();

    record Extent(BoundingBox bbox, DateRange dates) {
    }
}
