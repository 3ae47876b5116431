package org.incidentatlas.ogcapi.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.flatbuffers.FlatBufferBuilder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.GeometryType;

/**
 * FlatGeobuf without a spatial index and with an unknown feature count (both allowed by the
 * format), so that features are written as the cursor yields them, never held all at once.
 */
public final class FlatGeobufTableWriter implements TableWriter {

    private final OutputStream out;
    private final FeatureTable table;
    private final byte geometryType;
    private final FlatBufferBuilder builder = new FlatBufferBuilder(4096);
    private final ByteArrayOutputStream properties = new ByteArrayOutputStream();

    /** {@code epsg}: the EPSG code of the rows' coordinates (x first: longitude or easting). */
    public FlatGeobufTableWriter(OutputStream out, FeatureTable table, int epsg) throws IOException {
        this.out = out;
        this.table = table;
        // mixed geometry types: each feature carries its own
        this.geometryType = GeometryType.Unknown;
        HeaderMeta header = new HeaderMeta();
        header.name = table.name();
        header.geometryType = geometryType;
        header.srid = epsg;
        header.featuresCount = 0;
        header.indexNodeSize = 0;
        header.columns = columns(table);
        out.write(Constants.MAGIC_BYTES);
        HeaderMeta.write(header, out, builder);
        builder.clear();
    }

    private static List<ColumnMeta> columns(FeatureTable table) {
        List<ColumnMeta> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            ColumnMeta meta = new ColumnMeta();
            meta.name = c.name();
            meta.type = switch (c.type()) {
                case TEXT -> org.wololo.flatgeobuf.generated.ColumnType.String;
                case INTEGER -> org.wololo.flatgeobuf.generated.ColumnType.Long;
                case REAL -> org.wololo.flatgeobuf.generated.ColumnType.Double;
            };
            meta.nullable = true;
            columns.add(meta);
        }
        return columns;
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        int geometry = row.geometry() == null ? 0 : GeometryConversions.serialize(builder, readable(row.geometry()), geometryType);
        int props = Feature.createPropertiesVector(builder, properties(row));
        Feature.startFeature(builder);
        if (row.geometry() != null) {
            Feature.addGeometry(builder, geometry);
        }
        Feature.addProperties(builder, props);
        int feature = Feature.endFeature(builder);
        builder.finishSizePrefixed(feature);
        Channels.newChannel(out).write(builder.dataBuffer());
        builder.clear();
    }

    /**
     * A one-part MultiLineString is written as its LineString: the library then leaves out the
     * part ends, which GDAL before 3.7 requires of every MultiLineString ("Unexpected nullptr").
     */
    private static Geometry readable(Geometry g) {
        return g instanceof MultiLineString m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
    }

    /** Each non-null value as its little-endian column index, then the value (strings length-prefixed). */
    private byte[] properties(FeatureRow row) {
        properties.reset();
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.values().get(i);
            if (value == null) {
                continue;
            }
            ByteBuffer b;
            switch (columns.get(i).type()) {
                case INTEGER -> b = buffer(10).putLong(((Number) value).longValue());
                case REAL -> b = buffer(10).putDouble(((Number) value).doubleValue());
                default -> {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                    b = buffer(6 + text.length).putInt(text.length).put(text);
                }
            }
            byte[] bytes = b.putShort(0, (short) i).array();
            properties.write(bytes, 0, b.position());
        }
        return properties.toByteArray();
    }

    private static ByteBuffer buffer(int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.position(2);
        return b;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
