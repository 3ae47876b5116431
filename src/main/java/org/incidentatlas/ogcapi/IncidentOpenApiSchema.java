package org.incidentatlas.ogcapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.incidentatlas.fields.FieldType;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentSchema;

/**
 * The incident feature's schema in the OpenAPI document ({@code #/components/schemas/Incident} and
 * {@code IncidentProperties}), written from {@link IncidentSchema}: one property per field with its
 * type, nullability and description; the store's own fields are read-only. The members of claims
 * and sources come from their records' components.
 */
final class IncidentOpenApiSchema {

    static final String INCIDENT = "Incident";
    static final String PROPERTIES = "IncidentProperties";

    private IncidentOpenApiSchema() {
    }

    static void addTo(OpenAPI api) {
        ObjectSchema properties = new ObjectSchema();
        properties.description("The properties of an incident feature");
        for (IncidentField field : IncidentSchema.PROPERTIES) {
            Schema<?> schema = schema(field.type(), field).description(field.description());
            if (field.nullable()) {
                schema.nullable(true);
            }
            if (!field.writable()) {
                schema.readOnly(true);
            }
            properties.addProperty(field.property(), schema);
        }
        properties.required(IncidentSchema.PROPERTIES.stream().filter(f -> !f.nullable()).map(IncidentField::property).toList());
        api.getComponents().addSchemas(PROPERTIES, properties);
        api.getComponents().addSchemas(INCIDENT, new ObjectSchema().description("An incident as a GeoJSON Feature")
                .addProperty("type", new StringSchema()._enum(List.of("Feature")))
                .addProperty("id", new IntegerSchema().format("int64"))
                .addProperty("geometry", new ObjectSchema().description(IncidentField.GEOMETRY.description()
                        + ": a GeoJSON geometry in longitude, latitude"))
                .addProperty("properties", new Schema<>().$ref("#/components/schemas/" + PROPERTIES))
                .required(List.of("type", "geometry", "properties")));
    }

    private static Schema<?> schema(FieldType type, IncidentField field) {
        return switch (type) {
            case LONG -> new IntegerSchema().format("int64");
            case INTEGER -> new IntegerSchema();
            case NUMBER -> new NumberSchema().format("double");
            case TEXT -> new StringSchema();
            case DATE -> new StringSchema().format("date");
            case TIMESTAMP -> new StringSchema().format("date-time");
            case POSITION -> new ArraySchema().items(new NumberSchema()).minItems(2).maxItems(2);
            case LIST -> new ArraySchema().items(record(IncidentSchema.elementType(field)));
            case GEOMETRY, INTERVAL -> throw new IllegalArgumentException(field + " is not a member of properties");
        };
    }

    /** An object with one property per record component. */
    private static Schema<?> record(Class<?> type) {
        ObjectSchema schema = new ObjectSchema();
        for (RecordComponent c : type.getRecordComponents()) {
            schema.addProperty(c.getName(), member(c.getGenericType()));
        }
        return schema;
    }

    private static Schema<?> member(Type type) {
        if (type == String.class) {
            return new StringSchema();
        } else if (type == Integer.class || type == int.class) {
            return new IntegerSchema();
        } else if (type == Long.class || type == long.class) {
            return new IntegerSchema().format("int64");
        } else if (type == LocalDate.class) {
            return new StringSchema().format("date");
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ArraySchema().items(member(p.getActualTypeArguments()[0]));
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return record(c);
        }
        throw new IllegalArgumentException("no schema for " + type);
    }
}
