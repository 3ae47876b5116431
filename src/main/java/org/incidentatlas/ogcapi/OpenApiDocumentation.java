package org.incidentatlas.ogcapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.OutputFormat;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What springdoc cannot see in the controllers' signatures: the representations each read
 * offers (items: GeoJSON, HTML, CSV, FlatGeobuf, GeoPackage), the typed bounds of the standard
 * parameters, the HTML web map, and the error body. {@code limit}'s maximum and default are also
 * a shared component because that is where OGC clients look for them (QGIS reads
 * {@code components.parameters.limit.schema.maximum} to size its pages).
 */
@Component
class OpenApiDocumentation implements OpenApiCustomizer {

    static final String ITEMS = "/collections/{collectionId}/items";
    static final String ITEM = "/collections/{collectionId}/items/{featureId}";
    private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

    @Override
    public void customise(OpenAPI api) {
        // the servlet container's error page is not an endpoint
        api.getPaths().remove("/error");
        api.getComponents().addParameters("limit", new Parameter().in("query").name("limit").required(false)
                .style(Parameter.StyleEnum.FORM).explode(false)
                .description("Page size; larger values are served as " + ItemsRequest.MAX_LIMIT)
                .schema(limitSchema()));
        api.getComponents().addSchemas("ApiError", new ObjectSchema()
                .addProperty("code", new StringSchema()).addProperty("description", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()))
                .required(List.of("code", "description")));
        IncidentOpenApiSchema.addTo(api);

        get(api, "/").ifPresent(op -> reads(op, "application/json", OutputFormat.DOCUMENTS));
        get(api, "/conformance").ifPresent(op -> reads(op, "application/json", OutputFormat.DOCUMENTS));
        get(api, "/collections").ifPresent(op -> reads(op, "application/json", OutputFormat.DOCUMENTS));
        get(api, "/collections/{collectionId}").ifPresent(op -> reads(op, "application/json", OutputFormat.DOCUMENTS));
        get(api, ITEM).ifPresent(op -> reads(op, OgcMediaTypes.GEOJSON_VALUE, OutputFormat.DOCUMENTS));
        get(api, ITEMS).ifPresent(op -> {
            reads(op, OgcMediaTypes.GEOJSON_VALUE, OutputFormat.ITEMS);
            typed(op);
        });
        get(api, DownloadController.PATH).ifPresent(op -> reads(op, OgcMediaTypes.GEOJSON_VALUE, DownloadController.FORMATS));
        PathItem items = api.getPaths().get(ITEMS);
        PathItem item = api.getPaths().get(ITEM);
        if (items != null && items.getPost() != null) {
            writes(items.getPost(), featureBody(), "201", "Created: the stored feature, with Location and ETag");
        }
        if (item != null && item.getPut() != null) {
            writes(item.getPut(), featureBody(), "200", "Replaced: the stored feature and its new ETag");
        }
        if (item != null && item.getDelete() != null) {
            writes(item.getDelete(), null, "204", "Deleted");
        }
        PathItem placeItems = api.getPaths().get(PLACE_ITEMS);
        PathItem placeItem = api.getPaths().get(PLACE_ITEMS + "/{featureId}");
        if (placeItems != null && placeItems.getPost() != null) {
            writes(placeItems.getPost(), featureBody(), "201", "Created: the stored place, with Location and ETag");
            placeItems.getPost().getResponses().addApiResponse("409", new ApiResponse().description("A place with this id exists")
                    .content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)))));
        }
        if (placeItem != null && placeItem.getPut() != null) {
            writes(placeItem.getPut(), featureBody(), "200", "Replaced: the stored place and its new ETag");
        }
        if (placeItem != null && placeItem.getDelete() != null) {
            writes(placeItem.getDelete(), null, "204", "Withdrawn");
        }
        PathItem borders = api.getPaths().get("/borders");
        if (borders != null && borders.getPost() != null) {
            borders.getPost().getRequestBody().getContent().values().forEach(m -> m.setSchema(featureBody()));
        }
        PathItem geocode = api.getPaths().get("/gazetteer/geocode");
        if (geocode != null && geocode.getPost() != null) {
            geocode.getPost().getRequestBody().getContent().values().forEach(m -> m.setSchema(new ArraySchema()
                    .items(new ObjectSchema().addProperty("text", new StringSchema())
                            .addProperty("context", new StringSchema()).required(List.of("text")))));
        }
        api.getPaths().addPathItem("/map", new PathItem().get(new Operation().addTagsItem("Web map")
                .summary("The web map").operationId("map")
                .description("A Leaflet map of the incidents, borders and places, with date, event-type and "
                        + "border-distance controls that use the items' own parameters.")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The page")
                        .content(new Content().addMediaType("text/html", new MediaType().schema(new StringSchema())))))));
    }

    static final String PLACE_ITEMS = "/collections/places/items";

    private static Schema<?> limitSchema() {
        return new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(ItemsRequest.MAX_LIMIT))
                ._default(ItemsRequest.DEFAULT_LIMIT);
    }

    /** A GeoJSON Feature, the body of the writes. */
    private static Schema<?> featureBody() {
        return new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("Feature")))
                .addProperty("geometry", new ObjectSchema()).addProperty("properties", new ObjectSchema())
                .required(List.of("type", "geometry", "properties"));
    }

    /** A write's body and its answers: the success, and the refusals of OGC API - Features Part 4. */
    private static void writes(Operation op, Schema<?> body, String success, String description) {
        if (body != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().values().forEach(m -> m.setSchema(body));
        }
        Content error = new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)));
        ApiResponse ok = new ApiResponse().description(description);
        if (!"204".equals(success)) {
            ok.content(new Content().addMediaType(OgcMediaTypes.GEOJSON_VALUE, new MediaType().schema(new ObjectSchema())));
        }
        ApiResponses responses = new ApiResponses().addApiResponse(success, ok)
                .addApiResponse("400", new ApiResponse().description("A malformed body or If-Match").content(error))
                .addApiResponse("401", new ApiResponse().description("No or a wrong bearer token").content(error))
                .addApiResponse("404", new ApiResponse().description("No such collection or feature").content(error))
                .addApiResponse("405", new ApiResponse().description("The collection is read-only").content(error));
        if (!"201".equals(success)) {
            responses.addApiResponse("412", new ApiResponse().description("If-Match does not match the stored version")
                    .content(error));
        }
        if (body != null) {
            responses.addApiResponse("422", new ApiResponse().description("The feature breaks the data model's rules; "
                    + "errors lists each offending field").content(error));
        }
        op.setResponses(responses);
    }

    private static Optional<Operation> get(OpenAPI api, String path) {
        PathItem item = api.getPaths().get(path);
        return Optional.ofNullable(item == null ? null : item.getGet());
    }

    /** The 200 response in every representation the read offers, and the 4xx JSON error. */
    private static void reads(Operation op, String jsonType, List<OutputFormat> formats) {
        Content content = new Content();
        for (OutputFormat format : formats) {
            String type = format == OutputFormat.JSON ? jsonType : format.mediaType(null).toString()
                    .replace(";charset=UTF-8", "");
            Schema<?> schema = switch (format) {
                case JSON -> new ObjectSchema();
                case HTML, CSV -> new StringSchema();
                case FLATGEOBUF, GEOPACKAGE -> new BinarySchema();
            };
            content.addMediaType(type, new MediaType().schema(schema));
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        ApiResponse ok = responses.get("200") == null ? new ApiResponse() : responses.get("200");
        responses.addApiResponse("200", ok.description("The resource; the representation is chosen by f, else by Accept")
                .content(content));
        Content error = new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA)));
        responses.addApiResponse("400", new ApiResponse().description("A malformed or unknown parameter").content(error));
        responses.addApiResponse("404", new ApiResponse().description("No such collection or feature").content(error));
        responses.addApiResponse("406", new ApiResponse().description("None of the representations is acceptable")
                .content(error));
        op.setResponses(responses);
        parameter(op, "f").ifPresent(p -> p.schema(new StringSchema()._enum(formats.stream()
                .map(OutputFormat::parameter).toList())));
    }

    /** The standard parameters with their types, as OGC API - Features Part 1 defines them. */
    private static void typed(Operation op) {
        // Part 1 defines every query parameter as style: form, explode: false; said explicitly,
        // as OGC's test suite reads it (a comma-separated bbox is one value, not repeated keys)
        op.getParameters().stream().filter(p -> "query".equals(p.getIn()))
                .forEach(p -> p.style(Parameter.StyleEnum.FORM).explode(false));
        // the items parameters are documented on the method, not bound (ItemsController): optional, as bound ones say
        op.getParameters().stream().filter(p -> "query".equals(p.getIn()) && p.getRequired() == null)
                .forEach(p -> p.required(false));
        // inline, with the same bounds as the component QGIS reads
        parameter(op, "limit").ifPresent(p -> p.schema(limitSchema()));
        parameter(op, "datetime").ifPresent(p -> p.schema(new StringSchema()));
        parameter(op, "bbox").ifPresent(p -> p.schema(new ArraySchema().items(new NumberSchema()).minItems(4).maxItems(6)));
        parameter(op, "geo_precision").ifPresent(p -> p.schema(new IntegerSchema().minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(3))));
        parameter(op, "radius").ifPresent(p -> p.schema(new NumberSchema().minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(1_000_000))));
        parameter(op, "max-border-distance").ifPresent(p -> p.schema(new NumberSchema().minimum(BigDecimal.ZERO)));
    }

    private static Optional<Parameter> parameter(Operation op, String name) {
        return op.getParameters() == null ? Optional.empty() : op.getParameters().stream()
                .filter(p -> name.equals(p.getName()) && "query".equals(p.getIn())).findFirst();
    }
}
