package org.incidentatlas.ogcapi.export;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.fields.FieldType;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentSchema;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents as flat rows: the exported fields (see {@link IncidentField.Trait#EXPORTED}) one column
 * each, with the claims and sources (lists of objects) as JSON text columns, which QGIS and GDAL
 * show as strings.
 */
@Component
public class IncidentRows {

    private static final List<IncidentField> FIELDS = IncidentSchema.with(IncidentField.Trait.EXPORTED);

    public static final FeatureTable TABLE = new FeatureTable("incidents", FIELDS.stream().map(IncidentRows::column).toList());

    private final JsonMapper json;

    public IncidentRows(JsonMapper json) {
        this.json = json;
    }

    public FeatureRow row(Incident incident) {
        List<Object> values = new ArrayList<>(FIELDS.size());
        for (IncidentField field : FIELDS) {
            values.add(cell(field.type(), field.value(incident)));
        }
        return new FeatureRow(incident.data().location().geometry(), values);
    }

    private static Column column(IncidentField field) {
        ColumnType type = field.type().whole() ? ColumnType.INTEGER : field.type() == FieldType.NUMBER ? ColumnType.REAL : ColumnType.TEXT;
        return new Column(field.property(), type);
    }

    private Object cell(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> value.toString();
            case TIMESTAMP -> DateTimeFormatter.ISO_INSTANT.format((Instant) value);
            case LIST -> json.writeValueAsString(value);
            default -> value;
        };
    }
}
