package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.OptionalLong;

import org.incidentatlas.cql.Queryable;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.storage.SqlWhere;
import org.incidentatlas.web.Link;

import tools.jackson.core.JsonGenerator;

/**
 * One OGC API collection: what it is, and how its features are counted and written as GeoJSON.
 * The items endpoint, the collection documents and the paging links are the same for all.
 */
interface FeatureSource {

    String id();

    String title();

    String description();

    /** Property filters accepted on items, besides bbox, datetime, limit, cursor and f. */
    Set<String> propertyFilters();

    Optional<Extent> extent();

    /** numberMatched: empty where no exact count is cheap, and the response then leaves it out. */
    OptionalLong count(ItemsQuery query);

    /** Refuses (400) a cursor that cannot belong to this query, before the response starts. */
    default void checkCursor(ItemsQuery query) {
    }

    /** Writes one page of features to the generator (inside an open "features" array). */
    PageSlice writePage(ItemsQuery query, JsonGenerator g);

    /** The flat shape of the features for the table formats (CSV, FlatGeobuf, GeoPackage, HTML). */
    FeatureTable table();

    /** As {@link #writePage}, the same features, each as a flat row of {@link #table()}. */
    PageSlice rowPage(ItemsQuery query, Consumer<FeatureRow> sink);

    /** The SQL condition over the collection's table that selects what the query selects (vector tiles). */
    SqlWhere condition(ItemsQuery query);

    /**
     * The query's features summed per cell of {@code cells} from counts kept on write (aggregate tiles),
     * the query's bbox aside; empty when none are kept for this collection or this query.
     */
    default Optional<Sql> keptCellSums(ItemsQuery query, CellCover.Block cells) {
        return Optional.empty();
    }

    /** The query's features per first day from counts kept on write (see {@code IncidentStore.keptDayStarts}); empty when none are kept. */
    default Optional<Sql> keptDayStarts(ItemsQuery query) {
        return Optional.empty();
    }

    /** One feature by id, if it exists. */
    Optional<Item> item(String featureId);

    record Extent(BoundingBox bbox, DateRange dates) {
    }

    /** A single feature: its ETag (or null) and how to write it with the given links. */
    record Item(String etag, ItemWriter writer) {
    }

    @FunctionalInterface
    interface ItemWriter {
        void write(JsonGenerator g, List<Link> links, SupportedCrs crs);
    }

    /** The properties a CQL2 filter may name (Part 3); none when the collection cannot be filtered. */
    default List<Queryable> queryables() {
        return List.of();
    }

    /** Whether the items take a CQL2 filter. */
    default boolean filters() {
        return false;
    }

    /** The names under "properties" of its features, for properties=…; null when not checked. */
    default Set<String> featureProperties() {
        return null;
    }
}
