package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.OptionalLong;

import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderField;
import org.incidentatlas.borders.BorderStore;
import org.incidentatlas.cql.Queryable;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.ogcapi.export.BorderRows;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.storage.SqlWhere;
import org.incidentatlas.web.ApiException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;

/** The {@code borders} collection: international borders and analysts' layers. */
@Component
class BordersSource implements FeatureSource {

    static final String ID = "borders";

    private final BorderStore store;
    private final BorderFeatureWriter writer;

    BordersSource(BorderStore store, BorderFeatureWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Borders";
    }

    @Override
    public String description() {
        return "International borders of the region, derived from OpenStreetMap country polygons (ARM-AZE, ARM-AZE-NAKH, "
                + "ARM-GEO, AZE-GEO, ARM-IRN, AZE-IRN, ARM-TUR, AZE-TUR, AZE-RUS …), and analysts' layers (lines of contact, "
                + "corridors, buffer zones) added through POST /borders.";
    }

    @Override
    public Set<String> propertyFilters() {
        return Set.of("kind");
    }

    @Override
    public Optional<Extent> extent() {
        return store.extent().map(b -> new Extent(b, null));
    }

    @Override
    public List<Queryable> queryables() {
        return BorderField.QUERYABLES;
    }

    @Override
    public boolean filters() {
        return true;
    }

    @Override
    public OptionalLong count(ItemsQuery query) {
        return OptionalLong.of(store.count(query.bbox(), kind(query), query.filter()));
    }

    @Override
    public PageSlice writePage(ItemsQuery query, JsonGenerator g) {
        return store.page(query.bbox(), kind(query), query.filter(), query.cursor(), query.limit(),
                b -> writer.write(g, b, List.of(), query.crs()));
    }

    @Override
    public FeatureTable table() {
        return BorderRows.TABLE;
    }

    @Override
    public PageSlice rowPage(ItemsQuery query, Consumer<FeatureRow> sink) {
        return store.page(query.bbox(), kind(query), query.filter(), query.cursor(), query.limit(),
                b -> sink.accept(BorderRows.row(b)));
    }

    @Override
    public SqlWhere condition(ItemsQuery query) {
        return store.condition(query.bbox(), kind(query), query.filter());
    }

    @Override
    public Optional<Item> item(String featureId) {
        return store.find(featureId).map(b -> new Item(null, (g, links, crs) -> writer.write(g, b, links, crs)));
    }

    private static String kind(ItemsQuery q) {
        if (q.dates() != null) {
            throw ApiException.badParameter("datetime does not apply to borders; their validity is in valid_from / valid_to");
        }
        String kind = q.properties().get("kind");
        if (kind != null && !kind.equals(Border.INTERNATIONAL) && !kind.equals(Border.CUSTOM)) {
            throw ApiException.badParameter("kind must be international or custom; got '" + kind + "'");
        }
        return kind;
    }
}
