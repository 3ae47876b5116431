package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.cql.Queryable;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentQueryables;
import org.incidentatlas.incidents.IncidentSchema;
import org.incidentatlas.incidents.IncidentSort;
import org.incidentatlas.incidents.IncidentFilter;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.ogcapi.export.IncidentRows;
import org.incidentatlas.storage.SqlWhere;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.PropertyValues;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/** The {@code incidents} collection. */
@Component
class IncidentsSource implements FeatureSource {

    static final String ID = "incidents";

    /** Largest radius for near=…&radius=…, metres. */
    static final double MAX_RADIUS_M = 1_000_000;

    /** The members of "properties" in an incident feature (see IncidentFeatureWriter). */
    static final Set<String> PROPERTIES = IncidentSchema.PROPERTIES.stream().map(IncidentField::property)
            .collect(Collectors.toUnmodifiableSet());

    private final IncidentStore store;
    private final IncidentFeatureWriter writer;
    private final BorderRegistry borders;
    private final IncidentRows rows;

    IncidentsSource(IncidentStore store, IncidentFeatureWriter writer, BorderRegistry borders, IncidentRows rows) {
        this.store = store;
        this.writer = writer;
        this.borders = borders;
        this.rows = rows;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Incidents";
    }

    @Override
    public String description() {
        return "Armed-conflict incidents, one per event, location and day (ACLED-style coding), with casualty claims and sources.";
    }

    @Override
    public Set<String> propertyFilters() {
        return Set.of("event_type", "sub_event_type", "country", "admin1", "actor", "place_id", "geo_precision",
                "border", "max-border-distance", "near", "radius", "sortby");
    }

    @Override
    public Optional<Extent> extent() {
        return store.extent().map(e -> new Extent(e.bbox(), e.dates()));
    }

    @Override
    public List<Queryable> queryables() {
        return IncidentQueryables.ALL;
    }

    @Override
    public boolean filters() {
        return true;
    }

    @Override
    public Set<String> featureProperties() {
        return PROPERTIES;
    }

    @Override
    public OptionalLong count(ItemsQuery query) {
        return store.numberMatched(filter(query));
    }

    @Override
    public PageSlice writePage(ItemsQuery query, JsonGenerator g) {
        return store.page(filter(query), order(query), query.cursor(), query.limit(),
                incident -> writer.write(g, incident, List.of(), query.crs()));
    }

    @Override
    public FeatureTable table() {
        return IncidentRows.TABLE;
    }

    @Override
    public PageSlice rowPage(ItemsQuery query, Consumer<FeatureRow> sink) {
        return store.page(filter(query), order(query), query.cursor(), query.limit(), incident -> sink.accept(rows.row(incident)));
    }

    @Override
    public void checkCursor(ItemsQuery query) {
        if (query.cursor() == null) {
            return;
        }
        if (!IncidentSortby.fits(order(query), query.cursor().key())) {
            throw ApiException.badParameter("cursor does not belong to this sort order; follow the next and prev links of the same query");
        }
    }

    private static IncidentSort order(ItemsQuery q) {
        return IncidentSortby.parse(q.properties().get("sortby"));
    }

    @Override
    public SqlWhere condition(ItemsQuery query) {
        return store.condition(filter(query));
    }

    @Override
    public Optional<Sql> keptCellSums(ItemsQuery query, CellCover.Block cells) {
        return store.keptCellSums(filter(query), cells);
    }

    @Override
    public Optional<Sql> keptDayStarts(ItemsQuery query) {
        return store.keptDayStarts(filter(query));
    }

    @Override
    public Optional<Item> item(String featureId) {
        return FeatureIds.incidentId(featureId).flatMap(store::find)
                .map(incident -> new Item(FeatureIds.etag(incident), (g, links, crs) -> writer.write(g, incident, links, crs)));
    }

    IncidentFilter filter(ItemsQuery q) {
        Map<String, String> p = q.properties();
        List<String> borderIds = borderIds(p.get("border"));
        Double maxDistance = PropertyValues.metres("max-border-distance", p.get("max-border-distance"), Double.MAX_VALUE);
        if (maxDistance != null && borderIds != null && maxDistance > BorderSet.CUTOFF_M) {
            throw ApiException.badParameter("max-border-distance with border= may be at most " + (long) BorderSet.CUTOFF_M
                    + " m (distances to each border are kept up to that far); without border= any distance works");
        }
        return new IncidentFilter(q.bbox(), q.dates(), p.get("event_type"), p.get("sub_event_type"),
                PropertyValues.country(p.get("country")), p.get("admin1"), p.get("actor"), p.get("place_id"),
                PropertyValues.geoPrecision(p.get("geo_precision")), borderIds, maxDistance, proximity(p.get("near"), p.get("radius")),
                q.filter());
    }

    private List<String> borderIds(String value) {
        if (value == null) {
            return null;
        }
        List<String> ids = List.of(value.split(",", -1)).stream().map(String::strip).toList();
        List<String> unknown = ids.stream().filter(id -> borders.current().border(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badParameter("unknown border id" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; the borders are " + borders.current().borders().stream().map(b -> b.id()).sorted().toList());
        }
        return ids;
    }

    private static IncidentFilter.Proximity proximity(String near, String radius) {
        if (near == null && radius == null) {
            return null;
        }
        if (near == null || radius == null) {
            throw ApiException.badParameter("near=lon,lat and radius=metres go together");
        }
        double[] point = PropertyValues.point("near", near);
        double r = PropertyValues.metres("radius", radius, MAX_RADIUS_M);
        return new IncidentFilter.Proximity(point[0], point[1], r);
    }
}
