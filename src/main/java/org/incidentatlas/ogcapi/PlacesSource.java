package org.incidentatlas.ogcapi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.OptionalLong;

import org.incidentatlas.cql.Queryable;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.PlaceFilter;
import org.incidentatlas.gazetteer.PlaceField;
import org.incidentatlas.gazetteer.PlaceStore;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.ogcapi.export.PlaceRows;
import org.incidentatlas.storage.SqlWhere;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.PropertyValues;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/** The {@code places} collection: the gazetteer, so QGIS can show it beside the incidents. */
@Component
class PlacesSource implements FeatureSource {

    static final String ID = Place.COLLECTION_ID;

    private final PlaceStore store;
    private final PlaceFeatureWriter writer;
    private final PlaceRows rows;

    PlacesSource(PlaceStore store, PlaceFeatureWriter writer, PlaceRows rows) {
        this.store = store;
        this.writer = writer;
        this.rows = rows;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Places";
    }

    @Override
    public String description() {
        return "The gazetteer: populated places (GeoNames), provinces and districts, and the team's curated villages, "
                + "heights, passes, corridors and direction names, with their alternate names in Latin, Armenian, "
                + "Azerbaijani and Russian.";
    }

    @Override
    public Set<String> propertyFilters() {
        return Set.of("feature_type", "country", "admin1");
    }

    @Override
    public Optional<Extent> extent() {
        return store.extent().map(b -> new Extent(b, null));
    }

    @Override
    public List<Queryable> queryables() {
        return PlaceField.QUERYABLES;
    }

    @Override
    public boolean filters() {
        return true;
    }

    @Override
    public OptionalLong count(ItemsQuery query) {
        return OptionalLong.of(store.count(filter(query)));
    }

    @Override
    public PageSlice writePage(ItemsQuery query, JsonGenerator g) {
        return store.page(filter(query), query.cursor(), query.limit(), place -> writer.write(g, place, null, List.of(), query.crs()));
    }

    @Override
    public FeatureTable table() {
        return PlaceRows.TABLE;
    }

    @Override
    public PageSlice rowPage(ItemsQuery query, Consumer<FeatureRow> sink) {
        return store.page(filter(query), query.cursor(), query.limit(), place -> sink.accept(rows.row(place)));
    }

    @Override
    public SqlWhere condition(ItemsQuery query) {
        return store.condition(filter(query));
    }

    @Override
    public Optional<Item> item(String featureId) {
        return store.find(featureId).map(place -> new Item(null, (g, links, crs) -> writer.write(g, place, null, links, crs)));
    }

    private static PlaceFilter filter(ItemsQuery q) {
        if (q.dates() != null) {
            throw ApiException.badParameter("places have no time: datetime does not apply to this collection");
        }
        Map<String, String> p = q.properties();
        FeatureType type = null;
        if (p.get("feature_type") != null) {
            type = FeatureType.fromCode(p.get("feature_type")).orElseThrow(() -> ApiException.badParameter(
                    "feature_type '" + p.get("feature_type") + "' is not one of " + Arrays.stream(FeatureType.values())
                            .map(FeatureType::code).toList()));
        }
        return new PlaceFilter(q.bbox(), type, PropertyValues.country(p.get("country")), p.get("admin1"), q.filter());
    }
}
