package org.incidentatlas.cql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 expression: what the text and the JSON encodings both parse to, and what is translated
 * to SQL. Boolean expressions and the scalar operands they compare share one type, as in the
 * standard's JSON schema; the translator checks which is which.
 */
public sealed interface Expression {

    record And(List<Expression> args) implements Expression {
    }

    record Or(List<Expression> args) implements Expression {
    }

    record Not(Expression arg) implements Expression {
    }

    /** {@code op} is one of = &lt;&gt; &lt; &gt; &lt;= &gt;=. */
    record Comparison(String op, Expression left, Expression right) implements Expression {
    }

    record Like(Expression value, Expression pattern) implements Expression {
    }

    record Between(Expression value, Expression low, Expression high) implements Expression {
    }

    record In(Expression value, List<Expression> list) implements Expression {
    }

    record IsNull(Expression value) implements Expression {
    }

    /** S_INTERSECTS and the other spatial relations, by their lower-case name without prefix ("intersects"). */
    record Spatial(String relation, Expression left, Expression right) implements Expression {
    }

    /** T_AFTER and the other temporal relations, by their lower-case name without prefix ("after"). */
    record Temporal(String relation, Expression left, Expression right) implements Expression {
    }

    /** {@code op} is one of + - * / % div ^. */
    record Arithmetic(String op, Expression left, Expression right) implements Expression {
    }

    /** A function call: CASEI and ACCENTI are the ones the service knows. */
    record Function(String name, List<Expression> args) implements Expression {
    }

    record Property(String name) implements Expression {
    }

    record Text(String value) implements Expression {
    }

    record Number(BigDecimal value) implements Expression {
    }

    record Bool(boolean value) implements Expression {
    }

    record Date(LocalDate value) implements Expression {
    }

    record Timestamp(Instant value) implements Expression {
    }

    /** An interval; each end is a Date, Timestamp, Property, or null when open (".."). */
    record Interval(Expression start, Expression end) implements Expression {
    }

    /** A geometry in the storage CRS (CRS84 longitude/latitude) once read. */
    record GeometryValue(Geometry geometry) implements Expression {
    }
}
