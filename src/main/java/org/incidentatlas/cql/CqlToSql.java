package org.incidentatlas.cql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.io.WKBWriter;

/**
 * Translates a filter to an SQL condition over one table. Properties become the columns their
 * {@link Queryable} names, literal values become bound parameters (never SQL text), and types are
 * checked on the way: a filter that compares a date with a number, or names a property the
 * collection does not have, fails with a {@link CqlException} naming it.
 */
public final class CqlToSql {

    /** Open interval ends stand for the first and last day both databases can hold. */
    private static final LocalDate OPEN_START = LocalDate.of(1, 1, 1);
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private final List<Queryable> queryables;
    private final CqlDialect dialect;

    public CqlToSql(List<Queryable> queryables, CqlDialect dialect) {
        this.queryables = queryables;
        this.dialect = dialect;
    }

    /** The condition the filter stands for. */
    public Sql condition(Expression e) {
        if (e instanceof Expression.And and) {
            return Sql.of("(", Sql.join(" AND ", and.args().stream().map(this::condition).toList()), ")");
        } else if (e instanceof Expression.Or or) {
            return Sql.of("(", Sql.join(" OR ", or.args().stream().map(this::condition).toList()), ")");
        } else if (e instanceof Expression.Not not) {
            return Sql.of("NOT (", condition(not.arg()), ")");
        } else if (e instanceof Expression.Bool b) {
            return Sql.raw(b.value() ? "1 = 1" : "1 = 0");
        } else if (e instanceof Expression.Comparison c) {
            return comparison(c);
        } else if (e instanceof Expression.Like like) {
            Sql value = scalar(like.value(), CqlType.STRING, "LIKE");
            Sql pattern = scalar(like.pattern(), CqlType.STRING, "LIKE");
            return Sql.of("(", value, " LIKE ", pattern, " ESCAPE '\\')");
        } else if (e instanceof Expression.Between b) {
            CqlType type = typeOf(b.value());
            if (!type.numeric() && type != CqlType.DATE && type != CqlType.TIMESTAMP) {
                throw new CqlException("BETWEEN needs a number or a date; " + describe(b.value()) + " is " + type.label());
            }
            check("BETWEEN", b.value(), b.low());
            check("BETWEEN", b.value(), b.high());
            return Sql.of("(", scalar(b.value(), type), " BETWEEN ", scalar(b.low(), type), " AND ", scalar(b.high(), type), ")");
        } else if (e instanceof Expression.In in) {
            CqlType type = typeOf(in.value());
            List<Sql> items = new ArrayList<>();
            for (Expression item : in.list()) {
                check("IN", in.value(), item);
                items.add(scalar(item, type));
            }
            return Sql.of("(", scalar(in.value(), type), " IN (", Sql.join(", ", items), "))");
        } else if (e instanceof Expression.IsNull n) {
            Expression v = n.value();
            Sql value = v instanceof Expression.Property p && Queryable.find(queryables, p.name()).type() == CqlType.INTERVAL
                    ? Sql.raw(Queryable.find(queryables, p.name()).column()) : scalar(v, typeOf(v));
            return Sql.of("(", value, " IS NULL)");
        } else if (e instanceof Expression.Spatial s) {
            Sql left = scalar(s.left(), CqlType.GEOMETRY, "s_" + s.relation());
            Sql right = scalar(s.right(), CqlType.GEOMETRY, "s_" + s.relation());
            return dialect.spatial(s.relation(), left, right);
        } else if (e instanceof Expression.Temporal t) {
            return temporal(t);
        } else {
            throw new CqlException(describe(e) + " is a value, not a condition");
        }
    }

    private Sql comparison(Expression.Comparison c) {
        CqlType left = typeOf(c.left());
        CqlType right = typeOf(c.right());
        check(c.op(), c.left(), c.right());
        if (left == CqlType.GEOMETRY || left == CqlType.INTERVAL) {
            throw new CqlException("'" + c.op() + "' does not compare " + left.label() + "s; use the s_ or t_ functions");
        }
        return Sql.of("(", scalar(c.left(), right), " ", c.op(), " ", scalar(c.right(), left), ")");
    }

    /** Fails unless the two operands have types that can be compared. */
    private void check(String op, Expression a, Expression b) {
        CqlType x = typeOf(a);
        CqlType y = typeOf(b);
        boolean ok = x == y || (x.numeric() && y.numeric())
                || ((x == CqlType.DATE || x == CqlType.TIMESTAMP) && (y == CqlType.DATE || y == CqlType.TIMESTAMP));
        if (!ok) {
            throw new CqlException("'" + op + "' cannot compare " + describe(a) + " (" + x.label() + ") with "
                    + describe(b) + " (" + y.label() + ")");
        }
    }

    /** A scalar that must have {@code expected} type. */
    private Sql scalar(Expression e, CqlType expected, String where) {
        CqlType type = typeOf(e);
        if (type != expected && !(type.numeric() && expected.numeric())) {
            throw new CqlException(where + " needs a " + expected.label() + "; " + describe(e) + " is " + type.label());
        }
        return scalar(e, expected);
    }

    /** A scalar as SQL; {@code other} is the type it is compared with (so a date meets a timestamp as one). */
    private Sql scalar(Expression e, CqlType other) {
        if (e instanceof Expression.Property p) {
            Queryable q = Queryable.find(queryables, p.name());
            if (q.type() == CqlType.INTERVAL) {
                throw new CqlException("'" + p.name() + "' is an interval: use it in a t_ function");
            }
            return Sql.raw(q.column());
        } else if (e instanceof Expression.Text t) {
            return Sql.param(t.value());
        } else if (e instanceof Expression.Number n) {
            return Sql.param(bindable(n.value()));
        } else if (e instanceof Expression.Bool b) {
            return Sql.param(b.value());
        } else if (e instanceof Expression.Date d) {
            return Sql.param(other == CqlType.TIMESTAMP ? startOf(d.value()) : d.value());
        } else if (e instanceof Expression.Timestamp t) {
            return Sql.param(other == CqlType.TIMESTAMP || other == null
                    ? t.value().atOffset(ZoneOffset.UTC) : t.value().atOffset(ZoneOffset.UTC).toLocalDate());
        } else if (e instanceof Expression.GeometryValue g) {
            return new Sql(dialect.geometryParameter(), List.of(new WKBWriter(2).write(g.geometry())));
        } else if (e instanceof Expression.Arithmetic a) {
            return arithmetic(a);
        } else if (e instanceof Expression.Function f) {
            return function(f);
        } else if (e instanceof Expression.Interval i) {
            throw new CqlException("an interval can only be used in a t_ function");
        } else {
            throw new CqlException("a condition cannot be used as a value: " + describe(e));
        }
    }

    /**
     * A whole number is bound as a long and any other as a double: bound as NUMERIC, PostgreSQL
     * would cast the column instead (id::numeric = ?) and no longer use its index.
     */
    private static Object bindable(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.doubleValue();
        }
    }

    private Sql arithmetic(Expression.Arithmetic a) {
        Sql l = scalar(a.left(), CqlType.NUMBER, "'" + a.op() + "'");
        Sql r = scalar(a.right(), CqlType.NUMBER, "'" + a.op() + "'");
        boolean dividing = a.op().equals("/") || a.op().equals("%") || a.op().equals("div");
        if (dividing && a.right() instanceof Expression.Number n && n.value().signum() == 0) {
            throw new CqlException("division by zero: '" + a.op() + " 0' has no value");
        }
        // A divisor that is zero in some rows gives NULL (unknown) there, so the comparison does
        // not hold for them, instead of the database's division-by-zero error for the request.
        Sql divisor = dividing ? Sql.of("NULLIF(", r, ", 0)") : r;
        return switch (a.op()) {
            case "+", "-", "*" -> Sql.of("(", l, " ", a.op(), " ", r, ")");
            case "/" -> Sql.of("(CAST(", l, " AS DOUBLE PRECISION) / ", divisor, ")");
            case "%" -> Sql.of("MOD(", l, ", ", divisor, ")");
            case "div" -> dialect.integerDivision(l, divisor);
            case "^" -> Sql.of("POWER(", l, ", ", r, ")");
            default -> throw new CqlException("unknown arithmetic operator '" + a.op() + "'");
        };
    }

    private Sql function(Expression.Function f) {
        if (f.args().size() != 1 || !(f.name().equals("casei") || f.name().equals("accenti"))) {
            throw new CqlException("unknown function '" + f.name() + "' with " + f.args().size()
                    + " argument(s); the service knows casei(text) and accenti(text)");
        }
        Expression arg = f.args().get(0);
        boolean caseFold = f.name().equals("casei");
        // literals are folded here, columns in SQL
        String literal = literalText(arg);
        if (literal != null) {
            return Sql.param(caseFold ? literal.toLowerCase(Locale.ROOT) : Accents.strip(literal));
        }
        Sql value = scalar(arg, CqlType.STRING, f.name());
        return caseFold ? Sql.of("LOWER(", value, ")") : Accents.strip(value);
    }

    private static String literalText(Expression e) {
        if (e instanceof Expression.Text t) {
            return t.value();
        }
        if (e instanceof Expression.Function f && f.args().size() == 1 && literalText(f.args().get(0)) != null) {
            String inner = literalText(f.args().get(0));
            return f.name().equals("casei") ? inner.toLowerCase(Locale.ROOT)
                    : f.name().equals("accenti") ? Accents.strip(inner) : null;
        }
        return null;
    }

    // --- temporal relations, on closed intervals [start, end] (an instant is [t, t]) ---

    private record Span(Sql start, Sql end) {
    }

    private Sql temporal(Expression.Temporal t) {
        CqlType grain = typeOf(t.left()) == CqlType.TIMESTAMP || typeOf(t.right()) == CqlType.TIMESTAMP
                || timestampProperty(t.left()) || timestampProperty(t.right()) ? CqlType.TIMESTAMP : CqlType.DATE;
        Span a = span(t.left(), grain, t.relation());
        Span b = span(t.right(), grain, t.relation());
        return switch (t.relation()) {
            case "after" -> Sql.of("(", a.start(), " > ", b.end(), ")");
            case "before" -> Sql.of("(", a.end(), " < ", b.start(), ")");
            case "contains" -> Sql.of("(", a.start(), " < ", b.start(), " AND ", a.end(), " > ", b.end(), ")");
            case "disjoint" -> Sql.of("(", a.end(), " < ", b.start(), " OR ", a.start(), " > ", b.end(), ")");
            case "during" -> Sql.of("(", a.start(), " > ", b.start(), " AND ", a.end(), " < ", b.end(), ")");
            case "equals" -> Sql.of("(", a.start(), " = ", b.start(), " AND ", a.end(), " = ", b.end(), ")");
            case "finishedby" -> Sql.of("(", a.start(), " < ", b.start(), " AND ", a.end(), " = ", b.end(), ")");
            case "finishes" -> Sql.of("(", a.start(), " > ", b.start(), " AND ", a.end(), " = ", b.end(), ")");
            case "intersects" -> Sql.of("(", a.start(), " <= ", b.end(), " AND ", a.end(), " >= ", b.start(), ")");
            case "meets" -> Sql.of("(", a.end(), " = ", b.start(), ")");
            case "metby" -> Sql.of("(", a.start(), " = ", b.end(), ")");
            case "overlappedby" -> Sql.of("(", a.start(), " > ", b.start(), " AND ", a.start(), " < ", b.end(), " AND ",
                    a.end(), " > ", b.end(), ")");
            case "overlaps" -> Sql.of("(", a.start(), " < ", b.start(), " AND ", a.end(), " > ", b.start(), " AND ",
                    a.end(), " < ", b.end(), ")");
            case "startedby" -> Sql.of("(", a.start(), " = ", b.start(), " AND ", a.end(), " > ", b.end(), ")");
            case "starts" -> Sql.of("(", a.start(), " = ", b.start(), " AND ", a.end(), " < ", b.end(), ")");
            default -> throw new CqlException("unknown temporal function 't_" + t.relation() + "'");
        };
    }

    private boolean timestampProperty(Expression e) {
        return e instanceof Expression.Interval i && (typeOf(i.start()) == CqlType.TIMESTAMP || typeOf(i.end()) == CqlType.TIMESTAMP);
    }

    private Span span(Expression e, CqlType grain, String relation) {
        if (e instanceof Expression.Property p) {
            Queryable q = Queryable.find(queryables, p.name());
            if (!q.type().temporal()) {
                throw new CqlException("t_" + relation + " needs a date, timestamp or interval; '" + p.name() + "' is "
                        + q.type().label());
            }
            return new Span(Sql.raw(q.column()), Sql.raw(q.endColumn() != null ? q.endColumn() : q.column()));
        } else if (e instanceof Expression.Date d) {
            return new Span(scalar(d, grain), scalar(d, grain));
        } else if (e instanceof Expression.Timestamp ts) {
            return new Span(scalar(ts, grain), scalar(ts, grain));
        } else if (e instanceof Expression.Interval i) {
            return new Span(end(i.start(), grain, true, relation), end(i.end(), grain, false, relation));
        } else {
            throw new CqlException("t_" + relation + " needs a date, timestamp, interval or temporal property; got "
                    + describe(e));
        }
    }

    private Sql end(Expression bound, CqlType grain, boolean start, String relation) {
        if (bound == null) {
            LocalDate open = start ? OPEN_START : OPEN_END;
            return Sql.param(grain == CqlType.TIMESTAMP ? startOf(open) : open);
        }
        if (bound instanceof Expression.Property p) {
            Queryable q = Queryable.find(queryables, p.name());
            Span s = span(p, grain, relation);
            return start || q.endColumn() == null ? s.start() : s.end();
        }
        return scalar(bound, grain);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return OffsetDateTime.of(day, LocalTime.MIDNIGHT, ZoneOffset.UTC);
    }

    // --- types ---

    CqlType typeOf(Expression e) {
        if (e == null) {
            return CqlType.DATE;
        }
        if (e instanceof Expression.Property p) {
            return Queryable.find(queryables, p.name()).type();
        } else if (e instanceof Expression.Text t) {
            return CqlType.STRING;
        } else if (e instanceof Expression.Number n) {
            return CqlType.NUMBER;
        } else if (e instanceof Expression.Bool b) {
            return CqlType.BOOLEAN;
        } else if (e instanceof Expression.Date d) {
            return CqlType.DATE;
        } else if (e instanceof Expression.Timestamp t) {
            return CqlType.TIMESTAMP;
        } else if (e instanceof Expression.GeometryValue g) {
            return CqlType.GEOMETRY;
        } else if (e instanceof Expression.Arithmetic a) {
            return CqlType.NUMBER;
        } else if (e instanceof Expression.Function f) {
            return CqlType.STRING;
        } else if (e instanceof Expression.Interval i) {
            return CqlType.INTERVAL;
        } else {
            return CqlType.BOOLEAN;
        }
    }

    private static String describe(Expression e) {
        if (e instanceof Expression.Property p) {
            return "'" + p.name() + "'";
        } else if (e instanceof Expression.Text t) {
            return "'" + t.value() + "'";
        } else if (e instanceof Expression.Number n) {
            return n.value().toPlainString();
        } else if (e instanceof Expression.Bool b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Expression.Date d) {
            return "DATE('" + d.value() + "')";
        } else if (e instanceof Expression.Timestamp t) {
            return "TIMESTAMP('" + t.value() + "')";
        } else if (e instanceof Expression.GeometryValue g) {
            return g.geometry().getGeometryType().toUpperCase(Locale.ROOT);
        } else if (e instanceof Expression.Function f) {
            return f.name() + "(…)";
        } else {
            return e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
    }
}
