package org.incidentatlas.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.incidentatlas.incidents.IncidentQueryables;
import org.junit.jupiter.api.Test;

/**
 * The translation itself, without a database or HTTP: which columns a filter names, that every literal is a bound
 * parameter in order, and which filters are refused before any SQL runs.
 */
class CqlToSqlTest {

    private final Cql2TextParser text = new Cql2TextParser(UnaryOperator.identity());
    private final CqlToSql postgis = new CqlToSql(IncidentQueryables.ALL, new PostgisCql());
    private final CqlToSql h2gis = new CqlToSql(IncidentQueryables.ALL, new H2gisCql());

    private Sql sql(String filter) {
        return postgis.condition(text.parse(filter));
    }

    @Test
    void propertiesBecomeTheirColumnsAndLiteralsBecomeParametersInOrder() {
        Sql s = sql("country = 'ARM' AND fatalities > 2");
        assertThat(s.text()).contains("country").contains("fatalities").doesNotContain("ARM").doesNotContain("2");
        // an integer property binds its literal as an integer, not as a decimal
        assertThat(s.args()).containsExactly("ARM", 2L);
        assertThat(s.text().chars().filter(c -> c == '?').count()).isEqualTo(s.args().size());
    }

    @Test
    void aQuoteInALiteralStaysInsideTheParameter() {
        Sql s = sql("location_name = 'x'' OR 1=1 --'");
        assertThat(s.args()).containsExactly("x' OR 1=1 --");
        assertThat(s.text()).doesNotContain("OR 1=1");
    }

    @Test
    void andOrNotKeepTheirGrouping() {
        Sql s = sql("NOT (country = 'ARM' OR country = 'AZE') AND fatalities >= 1");
        assertThat(s.text()).startsWith("(NOT (").contains(" OR ").contains(" AND ");
        assertThat(s.args()).containsExactly("ARM", "AZE", 1L);
    }

    @Test
    void inBetweenLikeAndIsNullTranslate() {
        assertThat(sql("event_type IN ('Battles', 'Riots')").text()).contains(" IN (?, ?)");
        assertThat(sql("fatalities BETWEEN 1 AND 5").args()).containsExactly(1L, 5L);
        assertThat(sql("border_distance_m < 2500.5").args()).containsExactly(2500.5);
        assertThat(sql("location_name LIKE 'Ner%'").text()).contains(" LIKE ").contains("ESCAPE");
        assertThat(sql("notes IS NULL").text()).contains("notes").contains(" IS NULL");
    }

    @Test
    void datesAreBoundAsDates() {
        Sql s = sql("event_date >= DATE('2022-09-13')");
        assertThat(s.args()).containsExactly(LocalDate.of(2022, 9, 13));
    }

    @Test
    void spatialFunctionsBindTheGeometryAndDifferPerBackend() {
        var filter = text.parse("S_INTERSECTS(geometry, POINT(46.4 39.5))");
        Sql p = postgis.condition(filter);
        Sql h = h2gis.condition(filter);
        assertThat(p.text()).contains("geom");
        // either backend may bind it more than once (an index test beside the exact one): always the point's WKB
        byte[] wkb = (byte[]) h.args().get(0);
        assertThat(p.args()).isNotEmpty().allSatisfy(a -> assertThat(a).isInstanceOf(byte[].class).isEqualTo(wkb));
        assertThat(h.args()).allSatisfy(a -> assertThat(a).isEqualTo(wkb));
        assertThat(p.text()).isNotEqualTo(h.text());
        assertThat(List.of(p.text(), h.text())).allSatisfy(t -> assertThat(t).doesNotContain("46.4"));
    }

    @Test
    void filtersThatDoNotFitTheCollectionAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> sql("no_such_property = 1")).isInstanceOf(CqlException.class).hasMessageContaining("no_such_property");
        assertThatThrownBy(() -> sql("event_date > 3")).isInstanceOf(CqlException.class);
        assertThatThrownBy(() -> sql("fatalities LIKE 'a%'")).isInstanceOf(CqlException.class);
        assertThatThrownBy(() -> sql("S_INTERSECTS(country, POINT(1 2))")).isInstanceOf(CqlException.class);
        assertThatThrownBy(() -> postgis.condition(new Expression.Number(BigDecimal.ONE)))
                .isInstanceOf(CqlException.class).hasMessageContaining("not a condition");
    }
}
