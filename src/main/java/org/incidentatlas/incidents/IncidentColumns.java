package org.incidentatlas.incidents;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.incidentatlas.fields.FieldType;
import org.incidentatlas.storage.SqlDialect;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How incident fields go in and out of SQL, by their {@link FieldType}: the select expression,
 * the bound placeholder, the binding and the reading. Geometries travel as WKB and lists as JSON
 * text, the same on both backends; every value is a bound parameter.
 */
public final class IncidentColumns {

    private final SqlDialect dialect;
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SqlDialect.SRID);
    /** The JSON type of each list field's value, built once. */
    private final Map<IncidentField, JavaType> listTypes = new EnumMap<>(IncidentField.class);

    public IncidentColumns(SqlDialect dialect) {
        this.dialect = dialect;
        for (IncidentField f : IncidentField.values()) {
            if (f.type() == FieldType.LIST) {
                listTypes.put(f, json.getTypeFactory().constructCollectionType(List.class, IncidentSchema.elementType(f)));
            }
        }
    }

    /** "e.a, ST_AsBinary(e.g) AS g_wkb, …": the select list of {@code fields}, columns qualified by {@code qualifier} (or not, when empty). */
    public static String select(Collection<IncidentField> fields, String qualifier) {
        return String.join(", ", fields.stream().map(f -> isGeometry(f)
                ? "ST_AsBinary(" + qualifier + f.column() + ") AS " + wkbLabel(f) : qualifier + f.column()).toList());
    }

    /** "a, b, …": the column names of {@code fields}. */
    public static String names(Collection<IncidentField> fields) {
        return String.join(", ", fields.stream().map(IncidentField::column).toList());
    }

    /** "?, ST_GeomFromWKB(?, 4326), …": a bound placeholder per field, in order. */
    public List<String> placeholders(Collection<IncidentField> fields) {
        return fields.stream().map(f -> switch (f.type()) {
            case GEOMETRY -> "ST_GeomFromWKB(?, " + SqlDialect.SRID + ")";
            case LIST -> dialect.jsonParameter();
            default -> "?";
        }).toList();
    }

    /** Binds each field's value in {@code data} from parameter {@code first} on; returns the next parameter's index. */
    public int bind(PreparedStatement ps, int first, Collection<IncidentField> fields, IncidentData data) throws SQLException {
        int i = first;
        for (IncidentField f : fields) {
            bind(ps, i++, f, f.value(data));
        }
        return i;
    }

    private void bind(PreparedStatement ps, int i, IncidentField f, Object value) throws SQLException {
        switch (f.type()) {
            case LONG -> ps.setObject(i, value, Types.BIGINT);
            case INTEGER -> ps.setObject(i, value, Types.INTEGER);
            case NUMBER -> ps.setObject(i, value, Types.DOUBLE);
            case TEXT -> ps.setString(i, (String) value);
            case DATE -> ps.setObject(i, value, Types.DATE);
            case GEOMETRY -> ps.setBytes(i, value == null ? null : new WKBWriter(2).write((Geometry) value));
            case LIST -> ps.setString(i, json.writeValueAsString(value));
            default -> throw new IllegalArgumentException(f + " (" + f.type() + ") is never written by a client");
        }
    }

    /** The values of {@code fields} in the current row (selected with {@link #select}). */
    public Map<IncidentField, Object> read(ResultSet rs, Collection<IncidentField> fields) throws SQLException {
        return reader(fields).read(rs);
    }

    /**
     * A reader of {@code fields} for the rows of one query: it finds their columns by name once per
     * result set and then reads by position (a look-up by name for every value was a quarter of an
     * items page's time in the service). Not shared between threads.
     */
    public Reader reader(Collection<IncidentField> fields) {
        return new Reader(List.copyOf(fields));
    }

    /** Reads the same fields from every row of the result sets it is given; see {@link #reader}. */
    public final class Reader {
        private final List<IncidentField> fields;
        private final int[] positions;
        private ResultSet resolvedFor;

        private Reader(List<IncidentField> fields) {
            this.fields = fields;
            this.positions = new int[fields.size()];
        }

        /** The values of the fields in the current row of {@code rs}. */
        public Map<IncidentField, Object> read(ResultSet rs) throws SQLException {
            if (rs != resolvedFor) {
                for (int i = 0; i < positions.length; i++) {
                    IncidentField f = fields.get(i);
                    positions[i] = rs.findColumn(isGeometry(f) ? wkbLabel(f) : f.column());
                }
                resolvedFor = rs;
            }
            Map<IncidentField, Object> values = new EnumMap<>(IncidentField.class);
            for (int i = 0; i < positions.length; i++) {
                IncidentField f = fields.get(i);
                values.put(f, value(rs, positions[i], f));
            }
            return values;
        }
    }

    private Object value(ResultSet rs, int c, IncidentField f) throws SQLException {
        return switch (f.type()) {
            case LONG -> rs.getObject(c, Long.class);
            case INTEGER -> rs.getObject(c, Integer.class);
            case NUMBER -> rs.getObject(c, Double.class);
            case TEXT -> rs.getString(c);
            case DATE -> rs.getObject(c, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case GEOMETRY -> geometry(rs, c, f);
            case POSITION -> {
                Geometry p = geometry(rs, c, f);
                yield p == null ? null : new double[] {p.getCoordinate().x, p.getCoordinate().y};
            }
            case LIST -> {
                String text = rs.getString(c);
                if ("[]".equals(text)) {
                    // most incidents have no claims or sources: no parser for them (a GeoJSON export reads a million)
                    yield List.of();
                }
                yield text == null ? null : json.readValue(text, listTypes.get(f));
            }
            case INTERVAL -> throw new IllegalArgumentException(f + " is no column");
        };
    }

    private Geometry geometry(ResultSet rs, int c, IncidentField f) throws SQLException {
        byte[] wkb = rs.getBytes(c);
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(geometries).read(wkb);
            g.setSRID(SqlDialect.SRID);
            return g;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry in " + f.column(), e);
        }
    }

    private static boolean isGeometry(IncidentField f) {
        return f.type() == FieldType.GEOMETRY || f.type() == FieldType.POSITION;
    }

    private static String wkbLabel(IncidentField f) {
        return f.column() + "_wkb";
    }
}
