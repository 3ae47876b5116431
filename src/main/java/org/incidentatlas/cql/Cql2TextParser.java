package org.incidentatlas.cql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads CQL2 text (the ANTLR grammar Cql2.g4) into an {@link Expression}. Syntax errors name the
 * character position; geometry literals are read by JTS and handed to {@code toStorage}, which
 * brings them from the filter CRS to the stored longitude/latitude.
 */
public final class Cql2TextParser {

    private final UnaryOperator<Geometry> toStorage;
    private final boolean latitudeFirst;
    private final FilterLimits limits;

    public Cql2TextParser(UnaryOperator<Geometry> toStorage) {
        this(toStorage, FilterLimits.DEFAULT);
    }

    public Cql2TextParser(UnaryOperator<Geometry> toStorage, FilterLimits limits) {
        this(toStorage, limits, false);
    }

    /** {@code latitudeFirst}: the filter CRS puts latitude first (EPSG:4326), so BBOX gives minLat, minLon, …. */
    public Cql2TextParser(UnaryOperator<Geometry> toStorage, FilterLimits limits, boolean latitudeFirst) {
        this.latitudeFirst = latitudeFirst;
        this.toStorage = toStorage;
        this.limits = limits;
    }

    /** The filter as an expression; a {@link CqlException} naming the problem when it cannot be read or is over a limit. */
    public Expression parse(String text) {
        limits.checkLength(text);
        checkParentheses(text);
        try {
            return limits.checked(read(text));
        } catch (StackOverflowError e) {
            // a chain the parentheses check cannot see (e.g. thousands of unary minus signs)
            throw limits.tooDeep();
        }
    }

    /**
     * The grammar's rules recurse once per parenthesis (and ANTLR takes about a dozen frames per
     * level), so nesting is measured on the text before parsing; quoted strings do not count.
     */
    private void checkParentheses(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote inside a string toggles twice
            } else if (!quoted && c == '(') {
                depth++;
                if (depth > limits.maxDepth()) {
                    throw limits.tooDeep();
                }
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
    }

    private Expression read(String text) {
        Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(text));
        Cql2Parser parser = new Cql2Parser(new CommonTokenStream(lexer));
        BaseErrorListener failFast = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                    RecognitionException e) {
                throw new CqlException("filter syntax error at character " + (column + 1)
                        + (line > 1 ? " of line " + line : "") + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(failFast);
        parser.removeErrorListeners();
        parser.addErrorListener(failFast);
        Cql2Parser.FilterContext tree = parser.filter();
        return new Builder(text).visit(tree);
    }

    /** Turns the parse tree into the expression records. */
    private final class Builder extends Cql2BaseVisitor<Expression> {

        private final String text;
        private final GeometryFactory geometries = new GeometryFactory();

        Builder(String text) {
            this.text = text;
        }

        @Override
        public Expression visitFilter(Cql2Parser.FilterContext ctx) {
            return visit(ctx.booleanExpression());
        }

        @Override
        public Expression visitBooleanExpression(Cql2Parser.BooleanExpressionContext ctx) {
            List<Expression> terms = ctx.booleanTerm().stream().map(this::visit).toList();
            return terms.size() == 1 ? terms.get(0) : new Expression.Or(terms);
        }

        @Override
        public Expression visitBooleanTerm(Cql2Parser.BooleanTermContext ctx) {
            List<Expression> factors = ctx.booleanFactor().stream().map(this::visit).toList();
            return factors.size() == 1 ? factors.get(0) : new Expression.And(factors);
        }

        @Override
        public Expression visitBooleanFactor(Cql2Parser.BooleanFactorContext ctx) {
            Expression e = visit(ctx.booleanPrimary());
            return ctx.NOT() != null ? new Expression.Not(e) : e;
        }

        @Override
        public Expression visitBooleanPrimary(Cql2Parser.BooleanPrimaryContext ctx) {
            if (ctx.predicate() != null) {
                return visit(ctx.predicate());
            }
            if (ctx.booleanLiteral() != null) {
                return bool(ctx.booleanLiteral());
            }
            return visit(ctx.booleanExpression());
        }

        @Override
        public Expression visitBinaryComparison(Cql2Parser.BinaryComparisonContext ctx) {
            return new Expression.Comparison(ctx.comparisonOperator().getText(), visit(ctx.scalarExpression(0)),
                    visit(ctx.scalarExpression(1)));
        }

        @Override
        public Expression visitLike(Cql2Parser.LikeContext ctx) {
            return negated(ctx.NOT() != null, new Expression.Like(visit(ctx.scalarExpression(0)), visit(ctx.scalarExpression(1))));
        }

        @Override
        public Expression visitBetween(Cql2Parser.BetweenContext ctx) {
            return negated(ctx.NOT() != null, new Expression.Between(visit(ctx.scalarExpression(0)),
                    visit(ctx.scalarExpression(1)), visit(ctx.scalarExpression(2))));
        }

        @Override
        public Expression visitInList(Cql2Parser.InListContext ctx) {
            List<Expression> all = ctx.scalarExpression().stream().map(this::visit).toList();
            return negated(ctx.NOT() != null, new Expression.In(all.get(0), all.subList(1, all.size())));
        }

        @Override
        public Expression visitIsNull(Cql2Parser.IsNullContext ctx) {
            return negated(ctx.NOT() != null, new Expression.IsNull(visit(ctx.scalarExpression())));
        }

        @Override
        public Expression visitSpatial(Cql2Parser.SpatialContext ctx) {
            String relation = ctx.SPATIAL_FUNCTION().getText().toLowerCase(Locale.ROOT).substring(2);
            return new Expression.Spatial(relation, visit(ctx.scalarExpression(0)), visit(ctx.scalarExpression(1)));
        }

        @Override
        public Expression visitTemporal(Cql2Parser.TemporalContext ctx) {
            String relation = ctx.TEMPORAL_FUNCTION().getText().toLowerCase(Locale.ROOT).substring(2);
            return new Expression.Temporal(relation, visit(ctx.scalarExpression(0)), visit(ctx.scalarExpression(1)));
        }

        @Override
        public Expression visitScalarExpression(Cql2Parser.ScalarExpressionContext ctx) {
            Expression e = visit(ctx.term(0));
            for (int i = 1; i < ctx.term().size(); i++) {
                e = new Expression.Arithmetic(ctx.additiveOperator(i - 1).getText(), e, visit(ctx.term(i)));
            }
            return e;
        }

        @Override
        public Expression visitTerm(Cql2Parser.TermContext ctx) {
            Expression e = visit(ctx.power(0));
            for (int i = 1; i < ctx.power().size(); i++) {
                e = new Expression.Arithmetic(ctx.multiplicativeOperator(i - 1).getText().toLowerCase(Locale.ROOT), e,
                        visit(ctx.power(i)));
            }
            return e;
        }

        @Override
        public Expression visitPower(Cql2Parser.PowerContext ctx) {
            Expression base = visit(ctx.unary(0));
            return ctx.unary().size() == 1 ? base : new Expression.Arithmetic("^", base, visit(ctx.unary(1)));
        }

        @Override
        public Expression visitUnary(Cql2Parser.UnaryContext ctx) {
            if (ctx.primary() != null) {
                return visit(ctx.primary());
            }
            Expression operand = visit(ctx.unary());
            if (operand instanceof Expression.Number n) {
                return new Expression.Number(n.value().negate());
            }
            return new Expression.Arithmetic("-", new Expression.Number(BigDecimal.ZERO), operand);
        }

        @Override
        public Expression visitNumberLiteral(Cql2Parser.NumberLiteralContext ctx) {
            return new Expression.Number(new BigDecimal(ctx.NUMBER().getText()));
        }

        @Override
        public Expression visitStringLiteral(Cql2Parser.StringLiteralContext ctx) {
            return new Expression.Text(string(ctx.STRING().getText()));
        }

        @Override
        public Expression visitBooleanValue(Cql2Parser.BooleanValueContext ctx) {
            return bool(ctx.booleanLiteral());
        }

        @Override
        public Expression visitDateLiteral(Cql2Parser.DateLiteralContext ctx) {
            return Literals.date(string(ctx.STRING().getText()));
        }

        @Override
        public Expression visitTimestampLiteral(Cql2Parser.TimestampLiteralContext ctx) {
            return Literals.timestamp(string(ctx.STRING().getText()));
        }

        @Override
        public Expression visitIntervalLiteral(Cql2Parser.IntervalLiteralContext ctx) {
            return new Expression.Interval(bound(ctx.intervalBound(0)), bound(ctx.intervalBound(1)));
        }

        private Expression bound(Cql2Parser.IntervalBoundContext ctx) {
            if (ctx.propertyName() != null) {
                return property(ctx.propertyName());
            }
            String value = string(ctx.STRING().getText());
            if (ctx.DATE() != null) {
                return Literals.date(value);
            }
            if (ctx.TIMESTAMP() != null) {
                return Literals.timestamp(value);
            }
            return Literals.intervalBound(value);
        }

        @Override
        public Expression visitGeometry(Cql2Parser.GeometryContext ctx) {
            String wkt = source(ctx.geometryLiteral());
            try {
                return new Expression.GeometryValue(toStorage.apply(new WKTReader(geometries).read(wkt)));
            } catch (ParseException | IllegalArgumentException e) {
                throw new CqlException("geometry literal at character " + (ctx.start.getCharPositionInLine() + 1)
                        + " is not valid WKT: " + e.getMessage());
            }
        }

        @Override
        public Expression visitBboxLiteral(Cql2Parser.BboxLiteralContext ctx) {
            List<Double> n = new ArrayList<>();
            ctx.signedNumber().forEach(s -> n.add(Double.parseDouble(s.getText())));
            return new Expression.GeometryValue(toStorage.apply(Literals.bbox(n, geometries, latitudeFirst)));
        }

        @Override
        public Expression visitFunction(Cql2Parser.FunctionContext ctx) {
            return new Expression.Function(ctx.IDENTIFIER().getText().toLowerCase(Locale.ROOT),
                    ctx.scalarExpression().stream().map(this::visit).toList());
        }

        @Override
        public Expression visitProperty(Cql2Parser.PropertyContext ctx) {
            return property(ctx.propertyName());
        }

        @Override
        public Expression visitParenthesized(Cql2Parser.ParenthesizedContext ctx) {
            return visit(ctx.scalarExpression());
        }

        private Expression property(Cql2Parser.PropertyNameContext ctx) {
            String name = ctx.getText();
            return new Expression.Property(name.startsWith("\"") ? name.substring(1, name.length() - 1) : name);
        }

        private Expression bool(Cql2Parser.BooleanLiteralContext ctx) {
            return new Expression.Bool(ctx.TRUE() != null);
        }

        private String source(ParserRuleContext ctx) {
            return text.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1);
        }
    }

    private static Expression negated(boolean not, Expression e) {
        return not ? new Expression.Not(e) : e;
    }

    private static String string(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }
}
