package org.incidentatlas.ogcapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.incidentatlas.ogcapi.export.Column;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.web.ApiException;

/**
 * The {@code properties=a,b} parameter for the table formats (CSV, FlatGeobuf, GeoPackage, HTML):
 * the table's first column (every table's id, kept as GeoJSON keeps the feature's id), then the
 * selected columns in the table's order. QGIS fills every attribute of every feature it reads, so
 * an analyst who asks only for the columns they map gets the layer sooner.
 */
final class TableSelection {

    private final FeatureTable table;
    /** Positions in the full table's rows of this table's columns; null when every column is kept. */
    private final int[] positions;

    private TableSelection(FeatureTable table, int[] positions) {
        this.table = table;
        this.positions = positions;
    }

    /**
     * The columns {@code select} names ({@link ItemsQuery#select()}: null for all). Fails (400) for a
     * property the table formats do not carry, before any response starts.
     */
    static TableSelection of(FeatureTable full, List<String> select) {
        if (select == null) {
            return new TableSelection(full, null);
        }
        List<Column> all = full.columns();
        List<String> names = all.stream().map(Column::name).toList();
        List<String> missing = select.stream().filter(n -> !names.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.badParameter("properties " + missing + " are not columns of the CSV, FlatGeobuf, GeoPackage "
                    + "and HTML tables of '" + full.name() + "'; they have " + names);
        }
        List<Column> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i == 0 || select.contains(all.get(i).name())) {
                columns.add(all.get(i));
                positions.add(i);
            }
        }
        return new TableSelection(new FeatureTable(full.name(), columns), positions.stream().mapToInt(Integer::intValue).toArray());
    }

    FeatureTable table() {
        return table;
    }

    /** A row of the full table as a row of this one. */
    FeatureRow apply(FeatureRow row) {
        if (positions == null) {
            return row;
        }
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = row.values().get(positions[i]);
        }
        return new FeatureRow(row.geometry(), Arrays.asList(values));
    }
}
