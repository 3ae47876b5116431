package org.incidentatlas.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * The parsers' limits: whatever the nesting, a filter ends as an expression or as a
 * {@link CqlException} naming the limit, never as a StackOverflowError.
 */
class FilterLimitsTest {

    private final FilterLimits limits = new FilterLimits(100_000, 32, 20);
    private final Cql2TextParser text = new Cql2TextParser(UnaryOperator.identity(), limits);
    private final Cql2JsonParser json = new Cql2JsonParser(UnaryOperator.identity(), limits);

    @Test
    void parenthesesDeeperThanTheLimitAreRefusedBeforeParsing() {
        assertThatThrownBy(() -> text.parse("(".repeat(5000) + "a = 1" + ")".repeat(5000)))
                .isInstanceOf(CqlException.class).hasMessageContaining("32").hasMessageContaining("atlas.filter.max-depth");
        assertThat(text.parse("(".repeat(30) + "a = 1" + ")".repeat(30))).isInstanceOf(Expression.Comparison.class);
        // parentheses inside a string are text, not nesting
        assertThat(text.parse("a = '" + "(".repeat(100) + "'")).isInstanceOf(Expression.Comparison.class);
    }

    @Test
    void chainsWithoutParenthesesEndAsAnExpressionOrTheLimit() {
        for (String filter : new String[] {"a = " + "-".repeat(20_000) + "1", "a = " + "- ".repeat(20_000) + "b",
                "a = 1" + " AND a = 1".repeat(5_000), "a = " + "1 + ".repeat(5_000) + "1"}) {
            try {
                assertThat(text.parse(filter)).isNotNull();
            } catch (CqlException e) {
                assertThat(e.getMessage()).satisfiesAnyOf(m -> assertThat(m).contains("atlas.filter.max-depth"),
                        m -> assertThat(m).contains("syntax error"));
            }
        }
    }

    @Test
    void jsonDeeperThanTheLimitIsRefusedNamingIt() {
        String inner = "{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, 1]}";
        assertThatThrownBy(() -> json.parse("{\"op\": \"not\", \"args\": [".repeat(40) + inner + "]}".repeat(40)))
                .isInstanceOf(CqlException.class).hasMessageContaining("atlas.filter.max-depth");
        // deeper than Jackson's own nesting limit: the same message
        assertThatThrownBy(() -> json.parse("{\"op\": \"not\", \"args\": [".repeat(3000) + inner + "]}".repeat(3000)))
                .isInstanceOf(CqlException.class).hasMessageContaining("atlas.filter.max-depth");
        assertThat(json.parse("{\"op\": \"not\", \"args\": [".repeat(20) + inner + "]}".repeat(20))).isInstanceOf(Expression.Not.class);
    }

    @Test
    void geometriesOverTheVertexLimitAreRefused() {
        assertThatThrownBy(() -> text.parse("S_INTERSECTS(geometry, LINESTRING(" + "1 1, ".repeat(20) + "2 2))"))
                .isInstanceOf(CqlException.class).hasMessageContaining("20").hasMessageContaining("atlas.filter.max-vertices");
        assertThat(text.parse("S_INTERSECTS(geometry, LINESTRING(" + "1 1, ".repeat(18) + "2 2))")).isNotNull();
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxes() {
        Expression.Spatial s = (Expression.Spatial) text.parse("S_INTERSECTS(geometry, BBOX(177, 65, -177, 70))");
        Geometry g = ((Expression.GeometryValue) s.right()).geometry();
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(-180);
        assertThat(g.getEnvelopeInternal().getMaxX()).isEqualTo(180);
        assertThat(g.getArea()).isCloseTo(30.0, offset(1e-9));
    }
}
