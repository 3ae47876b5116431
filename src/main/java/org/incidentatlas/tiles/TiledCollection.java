package org.incidentatlas.tiles;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.incidentatlas.borders.BorderField;
import org.incidentatlas.fields.FieldType;
import org.incidentatlas.gazetteer.PlaceField;
import org.incidentatlas.incidents.CellCover;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentSchema;

/**
 * What a collection's tiles carry: its table and geometry column, and the attributes a popup or a
 * style needs, the fields each definition marks tiled (SQL both backends read alike). Incidents are summed per grid cell up to
 * {@link #AGGREGATE_MAX_ZOOM}; deeper, and for places and borders always, each feature is drawn.
 */
enum TiledCollection {

    INCIDENTS("incidents", "incidents", "geom", true, "points", IncidentSchema.with(IncidentField.Trait.TILED).stream()
            .map(f -> attribute(f.property(), f.column(), f.type())).toList()),
    PLACES("places", "places", "point", false, "points", PlaceField.with(PlaceField.Trait.TILED).stream()
            .map(f -> attribute(f.property(), f.column(), f.type())).toList()),
    BORDERS("borders", "borders", "geom", false, "lines", BorderField.tiled().stream()
            .map(f -> attribute(f.property(), f.column(), f.type())).toList());

    /** Deepest zoom whose incident tiles hold per-cell sums; from the next one on, the incidents themselves. */
    static final int AGGREGATE_MAX_ZOOM = 11;
    /** Cells per tile side in aggregate tiles (16: a cell is 32 px of a 512 px tile); a power of two, so they are quadtree cells. */
    static final int CELLS = 16;
    /** Tile extent in MVT units, and the buffer drawn around it (so lines and symbols join across tiles). */
    static final int EXTENT = 4096;
    static final int BUFFER = 64;

    /** The properties of an aggregate feature, in the order the tileset metadata lists them. */
    static final Map<String, String> AGGREGATE_PROPERTIES = aggregateProperties();

    /** A field of a definition as a tile attribute: dates as their ISO text (MVT has no date type). */
    private static Attribute attribute(String property, String column, FieldType type) {
        String sql = type == FieldType.DATE ? "CAST(" + column + " AS VARCHAR(10))" : column;
        return new Attribute(property, sql, type.jsonType());
    }

    /** One attribute: its name in the tile, the SQL that reads it, its JSON-schema type. */
    record Attribute(String name, String sql, String type) {
    }

    private final String id;
    private final String table;
    private final String geometryColumn;
    private final boolean numericId;
    private final String geometryKind;
    private final List<Attribute> attributes;

    TiledCollection(String id, String table, String geometryColumn, boolean numericId, String geometryKind,
                    List<Attribute> attributes) {
        this.id = id;
        this.table = table;
        this.geometryColumn = geometryColumn;
        this.numericId = numericId;
        this.geometryKind = geometryKind;
        this.attributes = attributes;
    }

    static Optional<TiledCollection> of(String collectionId) {
        return Arrays.stream(values()).filter(c -> c.id.equals(collectionId)).findFirst();
    }

    String id() {
        return id;
    }

    String table() {
        return table;
    }

    String geometryColumn() {
        return geometryColumn;
    }

    /** Whether "id" is a whole number, carried as the MVT feature id (incidents). */
    boolean numericId() {
        return numericId;
    }

    String geometryKind() {
        return geometryKind;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    /** The grid of an aggregate tile as cells of the Mercator quadtree: the tile's 16 x 16 at zoom + 4. */
    static CellCover.Block cells(TileCoordinates t) {
        int depth = Integer.numberOfTrailingZeros(CELLS);
        long x0 = (long) t.col() * CELLS;
        long y0 = (long) t.row() * CELLS;
        return new CellCover.Block(t.zoom() + depth, x0, x0 + CELLS - 1, y0, y0 + CELLS - 1);
    }

    boolean aggregates(int zoom) {
        return this == INCIDENTS && zoom <= AGGREGATE_MAX_ZOOM;
    }

    /** "a AS a, b AS b": the attribute columns of a feature query. */
    String selectList() {
        return String.join(", ", attributes.stream().map(a -> a.sql() + " AS " + a.name()).toList());
    }

    /** Property name to JSON-schema type of the features, for the tile set and TileJSON documents. */
    Map<String, String> featureProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        attributes.forEach(a -> m.put(a.name(), a.type()));
        return m;
    }

    private static Map<String, String> aggregateProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("count", "integer");
        m.put("fatalities", "integer");
        m.put("event_types", "string");
        return Collections.unmodifiableMap(m);
    }
}
