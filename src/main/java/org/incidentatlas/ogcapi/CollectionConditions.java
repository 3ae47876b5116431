package org.incidentatlas.ogcapi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.storage.SqlWhere;
import org.incidentatlas.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The items' filters of a collection as an SQL condition over its table, for capabilities that
 * build their own query (vector tiles): the same parameters, the same parser and the same
 * translation as {@code /collections/{id}/items}, so a tile shows exactly what the items list.
 */
@Component
public class CollectionConditions {

    /** Items parameters that make no sense on a tile, whose area and size are its coordinates. */
    private static final Set<String> NOT_ON_TILES = Set.of("bbox", "bbox-crs", "limit", "cursor", "crs", "properties", "sortby");

    /** What a tile set needs to know of its collection. */
    public record Description(String id, String title, String description) {
    }

    private final FeatureSources sources;
    private final CrsRegistry crs;
    private final FilterLimits filterLimits;

    public CollectionConditions(FeatureSources sources, CrsRegistry crs, FilterLimits filterLimits) {
        this.sources = sources;
        this.crs = crs;
        this.filterLimits = filterLimits;
    }

    /** The collection (404 when there is none); cheap, no query. */
    public Description describe(String collectionId) {
        FeatureSource s = sources.get(collectionId);
        return new Description(s.id(), s.title(), s.description());
    }

    /** Its spatial extent (a query over the whole table: for documents, not per tile). */
    public Optional<BoundingBox> extent(String collectionId) {
        return sources.get(collectionId).extent().map(FeatureSource.Extent::bbox);
    }

    public List<String> ids() {
        return sources.all().stream().map(FeatureSource::id).toList();
    }

    /**
     * The condition selecting what the items of {@code collectionId} would with these query
     * parameters, within {@code area}; a 400 naming the problem for a parameter that is bad or
     * does not apply to tiles.
     */
    public SqlWhere condition(String collectionId, Map<String, String[]> parameters, BoundingBox area) {
        FeatureSource source = sources.get(collectionId);
        return source.condition(tileQuery(source, parameters, area));
    }

    /**
     * What {@link #condition} selects in the area of {@code cells}, summed per cell and event type from the counts
     * kept on write (see {@code IncidentStore.keptCellSums}); empty when the parameters ask for more than they hold.
     */
    public Optional<Sql> keptCellSums(String collectionId, Map<String, String[]> parameters, CellCover.Block cells) {
        FeatureSource source = sources.get(collectionId);
        return source.keptCellSums(tileQuery(source, parameters, null), cells);
    }

    /** What {@link #condition} selects, per first day from the counts kept on write; empty when they cannot answer it. */
    public Optional<Sql> keptDayStarts(String collectionId, Map<String, String[]> parameters) {
        FeatureSource source = sources.get(collectionId);
        return source.keptDayStarts(tileQuery(source, parameters, null));
    }

    private ItemsQuery tileQuery(FeatureSource source, Map<String, String[]> parameters, BoundingBox area) {
        if (!Collections.disjoint(parameters.keySet(), NOT_ON_TILES)) {
            Set<String> refused = new TreeSet<>(parameters.keySet());
            refused.retainAll(NOT_ON_TILES);
            throw ApiException.badParameter("parameter" + (refused.size() > 1 ? "s " : " ") + refused
                    + " do not apply to tiles, whose area and size are given by the tile's coordinates");
        }
        Map<String, String[]> filters = new TreeMap<>(parameters);
        filters.remove("f");
        ItemsQuery q = ItemsRequest.parse(filters, source, crs, filterLimits);
        return new ItemsQuery(area, q.dates(), q.properties(), null, q.limit(), q.crs(), q.filter(), null);
    }
}
