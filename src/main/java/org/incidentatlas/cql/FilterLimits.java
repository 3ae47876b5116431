package org.incidentatlas.cql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How large a CQL2 filter may be (OWASP API4, unrestricted resource consumption): its length in
 * characters, how deeply its expressions nest (parentheses in cql2-text, operations in cql2-json;
 * deeper ones would exhaust the parser's stack), and the positions of all its geometry literals
 * together. A filter over a limit is refused with a message naming the limit and its setting.
 *
 * @param maxLength   {@code atlas.filter.max-length}, characters
 * @param maxDepth    {@code atlas.filter.max-depth}, nesting levels
 * @param maxVertices {@code atlas.filter.max-vertices}, positions in geometry literals
 */
@Validated
@ConfigurationProperties("atlas.filter")
public record FilterLimits(@DefaultValue("8000") @Min(1) int maxLength, @DefaultValue("32") @Min(1) int maxDepth,
                           @DefaultValue("1000") @Min(1) int maxVertices) {

    public static final FilterLimits DEFAULT = new FilterLimits(8000, 32, 1000);

    /** Refuses a filter text longer than {@link #maxLength()}. */
    void checkLength(String filter) {
        if (filter.length() > maxLength) {
            throw new CqlException("the filter is " + filter.length() + " characters long; at most " + maxLength
                    + " are accepted (atlas.filter.max-length)");
        }
    }

    CqlException tooDeep() {
        return new CqlException("the filter nests deeper than " + maxDepth + " levels (atlas.filter.max-depth)");
    }

    /** Refuses a parsed filter that nests too deeply or whose geometries have too many positions. */
    Expression checked(Expression e) {
        int[] vertices = {0};
        walk(e, 1, vertices);
        return e;
    }

    private void walk(Expression e, int depth, int[] vertices) {
        if (e == null) {
            return;
        }
        if (depth > maxDepth) {
            throw tooDeep();
        }
        for (Expression child : children(e)) {
            walk(child, depth + 1, vertices);
        }
        if (e instanceof Expression.GeometryValue g) {
            vertices[0] += g.geometry().getNumPoints();
            if (vertices[0] > maxVertices) {
                throw new CqlException("the filter's geometries have more than " + maxVertices
                        + " positions (atlas.filter.max-vertices)");
            }
        }
    }

    private static List<Expression> children(Expression e) {
        if (e instanceof Expression.And a) {
            return a.args();
        } else if (e instanceof Expression.Or o) {
            return o.args();
        } else if (e instanceof Expression.Not n) {
            return List.of(n.arg());
        } else if (e instanceof Expression.Comparison c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expression.Like l) {
            return List.of(l.value(), l.pattern());
        } else if (e instanceof Expression.Between b) {
            return List.of(b.value(), b.low(), b.high());
        } else if (e instanceof Expression.In i) {
            List<Expression> all = new ArrayList<>(i.list());
            all.add(i.value());
            return all;
        } else if (e instanceof Expression.IsNull n) {
            return List.of(n.value());
        } else if (e instanceof Expression.Spatial s) {
            return List.of(s.left(), s.right());
        } else if (e instanceof Expression.Temporal t) {
            return List.of(t.left(), t.right());
        } else if (e instanceof Expression.Arithmetic a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Expression.Function f) {
            return f.args();
        } else if (e instanceof Expression.Interval i) {
            return Arrays.asList(i.start(), i.end()); // an open end is null
        }
        return List.of();
    }
}
