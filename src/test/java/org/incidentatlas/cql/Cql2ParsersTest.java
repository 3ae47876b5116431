package org.incidentatlas.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/** The two CQL2 encodings read into the same expressions, and the SQL they translate to binds every value. */
class Cql2ParsersTest {

    /** A CRS whose axes are the other way round from storage (latitude first), as toStorage sees it. */
    private static final UnaryOperator<Geometry> SWAP = g -> {
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double x = c.x;
            c.x = c.y;
            c.y = x;
        });
        return copy;
    };

    private final Cql2TextParser text = new Cql2TextParser(UnaryOperator.identity());
    private final Cql2JsonParser json = new Cql2JsonParser(UnaryOperator.identity());

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expression e = text.parse("a = 1 OR NOT b = 2 AND c = 3");
        assertThat(e).isInstanceOf(Expression.Or.class);
        Expression.Or or = (Expression.Or) e;
        assertThat(or.args().get(1)).isInstanceOf(Expression.And.class);
        assertThat(((Expression.And) or.args().get(1)).args().get(0)).isInstanceOf(Expression.Not.class);
    }

    @Test
    void arithmeticFollowsTheUsualPrecedence() {
        Expression.Comparison c = (Expression.Comparison) text.parse("a + b * 2 ^ 3 = -4");
        Expression.Arithmetic plus = (Expression.Arithmetic) c.left();
        assertThat(plus.op()).isEqualTo("+");
        Expression.Arithmetic times = (Expression.Arithmetic) plus.right();
        assertThat(times.op()).isEqualTo("*");
        assertThat(((Expression.Arithmetic) times.right()).op()).isEqualTo("^");
        assertThat(c.right()).isEqualTo(new Expression.Number(new BigDecimal("-4")));
    }

    @Test
    void keywordsAreCaseInsensitiveAndQuotesAreDoubled() {
        assertThat(text.parse("name like 'it''s%' and d = date('2024-02-13')")).isEqualTo(new Expression.And(List.of(
                new Expression.Like(new Expression.Property("name"), new Expression.Text("it's%")),
                new Expression.Comparison("=", new Expression.Property("d"), new Expression.Date(LocalDate.of(2024, 2, 13))))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "country = 'ARM' | {\"op\":\"=\",\"args\":[{\"property\":\"country\"},\"ARM\"]}",
        "x IN (1, 2) | {\"op\":\"in\",\"args\":[{\"property\":\"x\"},[1,2]]}",
        "NOT x IS NULL | {\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"x\"}]}]}",
        "S_INTERSECTS(geometry, POINT(1 2)) | {\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[1,2]}]}",
        "T_DURING(t, INTERVAL('2022-01-01', '..')) | {\"op\":\"t_during\",\"args\":[{\"property\":\"t\"},{\"interval\":[\"2022-01-01\",\"..\"]}]}",
        "CASEI(a) = casei('B') | {\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"a\"}]},{\"op\":\"casei\",\"args\":[\"B\"]}]}",
        "a BETWEEN 1 AND 2 | {\"op\":\"between\",\"args\":[{\"property\":\"a\"},1,2]}",
    })
    void textAndJsonReadToTheSameExpression(String cql2Text, String cql2Json) {
        assertThat(json.parse(cql2Json.strip()).toString()).isEqualTo(text.parse(cql2Text.strip()).toString());
    }

    @Test
    void syntaxErrorsNameTheCharacter() {
        assertThatThrownBy(() -> text.parse("a = 1 AND AND b = 2")).isInstanceOf(CqlException.class)
                .hasMessageContaining("character 11");
        assertThatThrownBy(() -> text.parse("a = 'open")).isInstanceOf(CqlException.class).hasMessageContaining("character 5");
        assertThatThrownBy(() -> text.parse("S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1)))")).isInstanceOf(CqlException.class)
                .hasMessageContaining("WKT");
    }

    @Test
    void geometryLiteralsAreBroughtToStorageCoordinates() {
        Expression.Spatial s = (Expression.Spatial) new Cql2TextParser(SWAP).parse("S_INTERSECTS(geometry, POINT(40 45))");
        Geometry g = ((Expression.GeometryValue) s.right()).geometry();
        assertThat(g.getCoordinate().x).isEqualTo(45);
        assertThat(g.getCoordinate().y).isEqualTo(40);
    }

    @Test
    void aBboxInALatitudeFirstCrsCrossesTheAntimeridianByItsLongitudes() {
        Cql2TextParser latFirst = new Cql2TextParser(SWAP, FilterLimits.DEFAULT, true);
        Geometry across = ((Expression.GeometryValue) ((Expression.Spatial) latFirst
                .parse("S_INTERSECTS(geometry, BBOX(65, 177, 70, -177))")).right()).geometry();
        assertThat(across.getNumGeometries()).isEqualTo(2);
        assertThat(across.getEnvelopeInternal()).isEqualTo(new org.locationtech.jts.geom.Envelope(-180, 180, 65, 70));
        assertThat(across.contains(across.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(0, 67)))).isFalse();
        Geometry plain = ((Expression.GeometryValue) ((Expression.Spatial) latFirst
                .parse("S_INTERSECTS(geometry, BBOX(39, 45, 40, 46))")).right()).geometry();
        assertThat(plain.getEnvelopeInternal()).isEqualTo(new org.locationtech.jts.geom.Envelope(45, 46, 39, 40));
        // latitudes the wrong way round are a mistake, not a box across the antimeridian
        assertThatThrownBy(() -> latFirst.parse("S_INTERSECTS(geometry, BBOX(40, 45, 39, 46))")).isInstanceOf(CqlException.class);
    }

    @Test
    void sqlBindsValuesAndNeverInlinesThem() {
        List<Queryable> q = List.of(Queryable.of("name", CqlType.STRING, "name_col", ""),
                Queryable.of("n", CqlType.INTEGER, "n_col", ""));
        Sql sql = new CqlToSql(q, new PostgisCql()).condition(text.parse("name = 'x''; DROP TABLE incidents; --' AND n + 1 > 2"));
        assertThat(sql.text()).doesNotContain("DROP").contains("name_col = ?").contains("(n_col + ?)");
        assertThat(sql.args()).containsExactly("x'; DROP TABLE incidents; --", 1L, 2L);
        assertThatThrownBy(() -> new CqlToSql(q, new H2gisCql()).condition(text.parse("colour = 1")))
                .hasMessageContaining("'colour'").hasMessageContaining("[name, n]");
    }
}
