package org.incidentatlas.ogcapi.export;

import java.util.List;

/**
 * The flat shape of a collection for table formats (CSV, FlatGeobuf, GeoPackage, HTML): its
 * name and its attribute columns in order. Nested properties are flattened into JSON text
 * columns. Geometry types may mix (an incident may be a point or a line), so exports declare
 * a generic geometry column.
 */
public record FeatureTable(String name, List<Column> columns) {

    public FeatureTable {
        columns = List.copyOf(columns);
    }
}
