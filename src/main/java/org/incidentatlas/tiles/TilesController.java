package org.incidentatlas.tiles;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.ogcapi.CollectionConditions;
import org.incidentatlas.storage.DataVersion;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.web.OgcMediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Tiles 1.0 for the collections: the tile sets (WebMercatorQuad only), their metadata,
 * TileJSON for MapLibre, and the tiles as Mapbox Vector Tiles. Tiles take the items' filters.
 */
@RestController
@Tag(name = "Tiles")
public class TilesController {

    private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final String TMS_DEFINITION =
            "https://raw.githubusercontent.com/opengeospatial/2D-Tile-Matrix-Set/master/registry/json/WebMercatorQuad.json";
    /** The ETags of tiles: the data version they were drawn at. */
    private static final Pattern OWN_ETAG = Pattern.compile("\"d(\\d{1,18})-([0-9a-f]*)\"");
    /** Features reach this far beyond the tile (as the MVT buffer), so symbols at the edges are drawn in both tiles. */
    private static final double FEATURE_MARGIN = (double) TiledCollection.BUFFER / TiledCollection.EXTENT;
    /** Of the tile's side: far more than the rounding of its edges in degrees, far less than a cell. */
    private static final double EDGE_MARGIN = 1e-6;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TileLink(String href, String rel, String type, String title, Boolean templated) {
    }

    record TileSetList(List<TileLink> links, List<TileSetSummary> tilesets) {
    }

    record TileSetSummary(String title, String dataType, String crs, String tileMatrixSetURI, List<TileLink> links) {
    }

    record Layer(String id, String title, String dataType, String geometryDimension, String minTileMatrix,
                 String maxTileMatrix, Map<String, Object> propertiesSchema) {
    }

    record TileSet(String title, String description, String dataType, String crs, String tileMatrixSetURI,
                   List<Layer> layers, List<TileLink> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VectorLayer(String id, String description, Map<String, String> fields, int minzoom, int maxzoom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TileJson(String tilejson, String name, String description, List<String> tiles, int minzoom, int maxzoom,
                    double[] bounds, List<VectorLayer> vector_layers) {
    }

    private final CollectionConditions collections;
    private final TileRenderer renderer;

    public TilesController(CollectionConditions collections, TileRenderer renderer) {
        this.collections = collections;
        this.renderer = renderer;
    }

    @GetMapping(value = "/collections/{collectionId}/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The vector tile sets of a collection (WebMercatorQuad)")
    TileSetList tileSets(@PathVariable String collectionId) {
        TiledCollection c = tiled(collectionId);
        CollectionConditions.Description d = collections.describe(c.id());
        String base = "/collections/" + c.id() + "/tiles";
        return new TileSetList(List.of(link(base, "self", "application/json", "The tile sets of " + d.title())),
                List.of(new TileSetSummary(d.title() + " as vector tiles in WebMercatorQuad", "vector", WebMercatorQuad.CRS,
                        WebMercatorQuad.URI, List.of(
                                link(base + "/" + WebMercatorQuad.ID, "self", "application/json", "The tile set"),
                                new TileLink(TMS_DEFINITION, TILING_SCHEME, "application/json", "WebMercatorQuad", null)))));
    }

    @GetMapping(value = "/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A vector tile set: its tile matrix set, layer and attributes, and the tile URL template")
    TileSet tileSet(@PathVariable String collectionId, @PathVariable String tileMatrixSetId, HttpServletRequest request) {
        TiledCollection c = tiled(collectionId);
        matrixSet(tileMatrixSetId);
        CollectionConditions.Description d = collections.describe(c.id());
        String base = "/collections/" + c.id() + "/tiles/" + WebMercatorQuad.ID;
        String query = query(c, request);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        c.featureProperties().forEach((name, type) -> properties.put(name, Map.of("type", type)));
        if (c == TiledCollection.INCIDENTS) {
            TiledCollection.AGGREGATE_PROPERTIES.forEach((name, type) -> {
                Map<String, Object> property = new LinkedHashMap<>();
                property.put("type", type);
                property.put("description", "in tiles up to zoom " + TiledCollection.AGGREGATE_MAX_ZOOM + ", per grid cell");
                properties.put(name, property);
            });
        }
        schema.put("properties", properties);
        Layer layer = new Layer(c.id(), d.title(), "vector", c.geometryKind(), "0", Integer.toString(WebMercatorQuad.MAX_ZOOM), schema);
        return new TileSet(d.title(), description(c, d), "vector", WebMercatorQuad.CRS, WebMercatorQuad.URI, List.of(layer), List.of(
                link(base + query, "self", "application/json", "This tile set"),
                new TileLink(TMS_DEFINITION, TILING_SCHEME, "application/json", "WebMercatorQuad", null),
                new TileLink(url(base) + "/{tileMatrix}/{tileRow}/{tileCol}" + query, "item", OgcMediaTypes.MVT_VALUE,
                        "Mapbox Vector Tiles", true),
                link(base + "/tilejson" + query, "describedby", "application/json", "TileJSON for MapLibre")));
    }

    @GetMapping(value = "/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "TileJSON 3.0 of a tile set, with the request's filters carried into the tile URL")
    TileJson tileJson(@PathVariable String collectionId, @PathVariable String tileMatrixSetId, HttpServletRequest request) {
        TiledCollection c = tiled(collectionId);
        matrixSet(tileMatrixSetId);
        CollectionConditions.Description d = collections.describe(c.id());
        Map<String, String> fields = new LinkedHashMap<>();
        c.featureProperties().forEach((name, type) -> fields.put(name, type));
        if (c == TiledCollection.INCIDENTS) {
            fields.putAll(TiledCollection.AGGREGATE_PROPERTIES);
        }
        String template = url("/collections/" + c.id() + "/tiles/" + WebMercatorQuad.ID) + "/{z}/{y}/{x}" + query(c, request);
        double[] bounds = collections.extent(c.id()).map(b -> new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()})
                .orElse(new double[] {-180, -85.0511287798066, 180, 85.0511287798066});
        return new TileJson("3.0.0", d.title(), description(c, d), List.of(template), 0, WebMercatorQuad.MAX_ZOOM, bounds,
                List.of(new VectorLayer(c.id(), d.description(), fields, 0, WebMercatorQuad.MAX_ZOOM)));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    @Operation(summary = "One vector tile (application/vnd.mapbox-vector-tile), with the items' filters",
            description = "Takes the items' filters (datetime, property filters, border / max-border-distance, "
                    + "filter / filter-lang / filter-crs). Incident tiles up to zoom " + TiledCollection.AGGREGATE_MAX_ZOOM
                    + " hold one point per grid cell with count, fatalities and event_types; deeper, the incidents.",
            // the path's variables are read by TilePath, and described here
            parameters = {
                    @Parameter(name = "collectionId", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string")),
                    @Parameter(name = "tileMatrixSetId", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string")),
                    @Parameter(name = "tileMatrix", in = ParameterIn.PATH, required = true, description = "Zoom level",
                            schema = @Schema(type = "integer", format = "int32")),
                    @Parameter(name = "tileRow", in = ParameterIn.PATH, required = true, description = "Row, from the north",
                            schema = @Schema(type = "integer", format = "int32")),
                    @Parameter(name = "tileCol", in = ParameterIn.PATH, required = true, description = "Column, from the west",
                            schema = @Schema(type = "integer", format = "int32"))},
            responses = @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "byte"))))
    void tile(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TilePath path = TilePath.of(request);
        TiledCollection c = tiled(path.collectionId());
        matrixSet(path.tileMatrixSetId());
        TileCoordinates t = TileCoordinates.of(path.tileMatrix(), path.tileRow(), path.tileCol());
        boolean aggregate = c.aggregates(t.zoom());
        String filters = filters(request);
        long clientVersion = clientVersion(request, filters);
        VersionedTile tile = aggregate ? aggregates(c, t, request.getParameterMap(), clientVersion)
                : renderer.features(c, t, collections.condition(c.id(), request.getParameterMap(), area(t, false)), clientVersion);
        TileResponse.write(tile, etag(tile.version(), filters), request, response);
    }

    /**
     * What a tile reads. Aggregates count each incident in exactly one tile, so they read only the tile's own area,
     * and a hair beyond it: an incident on the edge is read by both tiles and counted by the one whose cells hold it.
     */
    static BoundingBox area(TileCoordinates t, boolean aggregate) {
        return WebMercatorQuad.lonLat(WebMercatorQuad.envelope(t), aggregate ? EDGE_MARGIN : FEATURE_MARGIN);
    }

    /** From the counts kept on write where they answer the filters (a few hundred rows); else by reading the incidents. */
    private VersionedTile aggregates(TiledCollection c, TileCoordinates t, Map<String, String[]> parameters, long clientVersion) {
        Optional<Sql> kept = collections.keptCellSums(c.id(), parameters, TiledCollection.cells(t));
        return kept.isPresent() ? renderer.keptAggregates(c, t, kept.get(), clientVersion)
                : renderer.aggregates(c, t, collections.condition(c.id(), parameters, area(t, true)), clientVersion);
    }

    /**
     * The ETag: the data version and the request's filters. The filters are in it because MapLibre
     * keeps a tile's ETag when the tile URL changes (a map control changed the filters) and sends it
     * for the new URL: with the version alone it would be told 304 and keep the old filter's tile.
     */
    private static String etag(long version, String filters) {
        return "\"" + DataVersion.tag(version, filters) + "\"";
    }

    /** The filters the tile was drawn with: its query string (empty without one). */
    private static String filters(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query;
    }

    /** The data version of the client's tile, from If-None-Match (an ETag made here for the same filters); -1 for none. */
    private static long clientVersion(HttpServletRequest request, String filters) {
        String tag = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        Matcher m = tag == null ? null : OWN_ETAG.matcher(tag);
        if (m == null || !m.matches() || !tag.equals(etag(Long.parseLong(m.group(1)), filters))) {
            return -1;
        }
        return Long.parseLong(m.group(1));
    }

    private TiledCollection tiled(String collectionId) {
        collections.describe(collectionId);
        return TiledCollection.of(collectionId)
                .orElseThrow(() -> ApiException.notFound("collection '" + collectionId + "' has no tiles"));
    }

    private static void matrixSet(String id) {
        if (!WebMercatorQuad.ID.equals(id)) {
            throw ApiException.notFound("tile matrix set '" + id + "' is not offered; use " + WebMercatorQuad.ID);
        }
    }

    /** The request's filters, checked (a 400 now rather than on every tile), as a query string to carry on. */
    private String query(TiledCollection c, HttpServletRequest request) {
        collections.condition(c.id(), request.getParameterMap(), null);
        String q = request.getQueryString();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }

    private static String description(TiledCollection c, CollectionConditions.Description d) {
        return c == TiledCollection.INCIDENTS ? d.description() + " Up to zoom " + TiledCollection.AGGREGATE_MAX_ZOOM
                + " each tile holds per-cell sums (count, fatalities, event_types), deeper the incidents themselves."
                : d.description();
    }

    private static TileLink link(String path, String rel, String type, String title) {
        return new TileLink(url(path), rel, type, title, null);
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }
}
