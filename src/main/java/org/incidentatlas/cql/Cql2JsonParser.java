package org.incidentatlas.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CQL2 JSON ({"op": …, "args": […]}, {"property": …}, {"date": …}, {"interval": […]},
 * GeoJSON geometries, {"bbox": […]}) into the same {@link Expression} as the text encoding.
 */
public final class Cql2JsonParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "div", "^");
    private static final Set<String> GEOJSON_TYPES = Set.of("Point", "LineString", "Polygon", "MultiPoint",
            "MultiLineString", "MultiPolygon", "GeometryCollection");

    private final JsonMapper json = JsonMapper.builder().build();
    private final UnaryOperator<Geometry> toStorage;
    private final boolean latitudeFirst;
    private final FilterLimits limits;
    private final GeometryFactory geometries = new GeometryFactory();

    public Cql2JsonParser(UnaryOperator<Geometry> toStorage) {
        this(toStorage, FilterLimits.DEFAULT);
    }

    public Cql2JsonParser(UnaryOperator<Geometry> toStorage, FilterLimits limits) {
        this(toStorage, limits, false);
    }

    /** {@code latitudeFirst}: the filter CRS puts latitude first (EPSG:4326), so BBOX gives minLat, minLon, …. */
    public Cql2JsonParser(UnaryOperator<Geometry> toStorage, FilterLimits limits, boolean latitudeFirst) {
        this.latitudeFirst = latitudeFirst;
        this.toStorage = toStorage;
        this.limits = limits;
    }

    /** The filter as an expression; a {@link CqlException} naming the problem when it cannot be read or is over a limit. */
    public Expression parse(String text) {
        limits.checkLength(text);
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (StreamConstraintsException e) {
            // Jackson's own nesting limit, deeper than any filter within max-depth
            throw limits.tooDeep();
        } catch (JacksonException e) {
            throw new CqlException("filter is not JSON: " + e.getOriginalMessage());
        }
        return limits.checked(expression(root, "$"));
    }

    private Expression expression(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new CqlException("missing value at " + path);
        }
        if (node.isString()) {
            return new Expression.Text(node.asString());
        }
        if (node.isNumber()) {
            return new Expression.Number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Expression.Bool(node.booleanValue());
        }
        if (!node.isObject()) {
            throw new CqlException("unexpected " + node.getNodeType() + " at " + path);
        }
        if (node.has("op")) {
            return operation(node, path);
        }
        if (node.has("property")) {
            return new Expression.Property(member(node, "property", path));
        }
        if (node.has("date")) {
            return Literals.date(member(node, "date", path));
        }
        if (node.has("timestamp")) {
            return Literals.timestamp(member(node, "timestamp", path));
        }
        if (node.has("interval")) {
            JsonNode ends = node.get("interval");
            if (!ends.isArray() || ends.size() != 2) {
                throw new CqlException("interval at " + path + " must be an array of two ends");
            }
            return new Expression.Interval(intervalEnd(ends.get(0), path + ".interval[0]"), intervalEnd(ends.get(1), path + ".interval[1]"));
        }
        if (node.has("bbox")) {
            List<Double> n = new ArrayList<>();
            for (JsonNode v : node.get("bbox")) {
                if (!v.isNumber()) {
                    throw new CqlException("bbox at " + path + " must be an array of numbers");
                }
                n.add(v.asDouble());
            }
            return new Expression.GeometryValue(toStorage.apply(Literals.bbox(n, geometries, latitudeFirst)));
        }
        if (node.has("type") && node.get("type").isString() && GEOJSON_TYPES.contains(node.get("type").asString())) {
            try {
                return new Expression.GeometryValue(toStorage.apply(new GeoJsonReader(geometries).read(node.toString())));
            } catch (ParseException | RuntimeException e) {
                throw new CqlException("geometry at " + path + " is not valid GeoJSON: " + e.getMessage());
            }
        }
        throw new CqlException("cannot read the object at " + path + ": expected op, property, date, timestamp, interval, bbox or a GeoJSON geometry");
    }

    /** A member that must be a string ("op", "property", "date" …): anything else is the client's mistake. */
    private static String member(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (!value.isString()) {
            throw new CqlException("'" + name + "' at " + path + " must be a string, not " + value.getNodeType());
        }
        return value.asString();
    }

    private Expression intervalEnd(JsonNode node, String path) {
        if (node.isString()) {
            return Literals.intervalBound(node.asString());
        }
        return expression(node, path);
    }

    private Expression operation(JsonNode node, String path) {
        // each nested operation adds one ".args[" to the path: refuse before recursing further
        if (nesting(path) >= limits.maxDepth()) {
            throw limits.tooDeep();
        }
        String op = member(node, "op", path).toLowerCase(Locale.ROOT);
        JsonNode argsNode = node.path("args");
        if (!argsNode.isArray()) {
            throw new CqlException("'" + op + "' at " + path + " needs an args array");
        }
        List<Expression> args = new ArrayList<>();
        for (int i = 0; i < argsNode.size(); i++) {
            JsonNode a = argsNode.get(i);
            // "in" takes its list as a nested array
            if (op.equals("in") && i == 1 && a.isArray()) {
                List<Expression> list = new ArrayList<>();
                for (int j = 0; j < a.size(); j++) {
                    list.add(expression(a.get(j), path + ".args[1][" + j + "]"));
                }
                return new Expression.In(args.get(0), list);
            }
            args.add(expression(a, path + ".args[" + i + "]"));
        }
        if (op.equals("and") || op.equals("or")) {
            atLeast(op, args, 2, path);
            return op.equals("and") ? new Expression.And(args) : new Expression.Or(args);
        }
        if (op.equals("not")) {
            exactly(op, args, 1, path);
            return new Expression.Not(args.get(0));
        }
        if (COMPARISONS.contains(op)) {
            exactly(op, args, 2, path);
            return new Expression.Comparison(op, args.get(0), args.get(1));
        }
        if (ARITHMETIC.contains(op)) {
            exactly(op, args, 2, path);
            return new Expression.Arithmetic(op, args.get(0), args.get(1));
        }
        return switch (op) {
            case "like" -> {
                exactly(op, args, 2, path);
                yield new Expression.Like(args.get(0), args.get(1));
            }
            case "between" -> {
                exactly(op, args, 3, path);
                yield new Expression.Between(args.get(0), args.get(1), args.get(2));
            }
            case "in" -> throw new CqlException("'in' at " + path + " takes [value, [list…]]");
            case "isnull" -> {
                exactly(op, args, 1, path);
                yield new Expression.IsNull(args.get(0));
            }
            default -> {
                if (op.startsWith("s_")) {
                    exactly(op, args, 2, path);
                    yield new Expression.Spatial(op.substring(2), args.get(0), args.get(1));
                }
                if (op.startsWith("t_")) {
                    exactly(op, args, 2, path);
                    yield new Expression.Temporal(op.substring(2), args.get(0), args.get(1));
                }
                yield new Expression.Function(op, args);
            }
        };
    }

    private static int nesting(String path) {
        int n = 0;
        for (int i = path.indexOf(".args["); i >= 0; i = path.indexOf(".args[", i + 1)) {
            n++;
        }
        return n;
    }

    private static void exactly(String op, List<Expression> args, int n, String path) {
        if (args.size() != n) {
            throw new CqlException("'" + op + "' at " + path + " takes " + n + " argument" + (n > 1 ? "s" : "") + "; got " + args.size());
        }
    }

    private static void atLeast(String op, List<Expression> args, int n, String path) {
        if (args.size() < n) {
            throw new CqlException("'" + op + "' at " + path + " takes at least " + n + " arguments; got " + args.size());
        }
    }
}
