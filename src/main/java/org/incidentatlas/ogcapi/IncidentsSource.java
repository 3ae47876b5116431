package org.incidentatlas.ogcapi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.incidents.IncidentFilter;
import org.incidentatlas.incidents.IncidentStore;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/** The {@code incidents} collection. */
@Component
class IncidentsSource implements FeatureSource {

    static final String ID = "incidents";

    private final IncidentStore store;
    private final IncidentFeatureWriter writer;

    IncidentsSource(IncidentStore store, IncidentFeatureWriter writer) {
        this.store = store;
        this.writer = writer;
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
        return Set.of("event_type", "sub_event_type", "country", "admin1", "actor", "place_id", "geo_precision");
    }

    @Override
    public Optional<Extent> extent() {
        return store.extent().map(e -> new Extent(e.bbox(), e.dates()));
    }

    @Override
    public long count(ItemsQuery query) {
        return store.count(filter(query));
    }

    @Override
    public PageSlice writePage(ItemsQuery query, JsonGenerator g) {
        return store.page(filter(query), query.cursor(), query.limit(), incident -> writer.write(g, incident));
    }

    @Override
    public Optional<Item> item(String featureId) {
        return FeatureIds.incidentId(featureId).flatMap(store::find)
                .map(incident -> new Item(FeatureIds.etag(incident), (g, links) -> writer.write(g, incident, links)));
    }

    private static IncidentFilter filter(ItemsQuery q) {
        Map<String, String> p = q.properties();
        return new IncidentFilter(q.bbox(), q.dates(), p.get("event_type"), p.get("sub_event_type"),
                PropertyValues.country(p.get("country")), p.get("admin1"), p.get("actor"), p.get("place_id"),
                PropertyValues.geoPrecision(p.get("geo_precision")));
    }
}
