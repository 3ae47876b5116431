package org.incidentatlas.ogcapi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.flatbuffers.FlatBufferBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.GeometryType;

/**
 * The parts of a FlatGeobuf file for one table: its header, and each row as a size-prefixed
 * feature. Geometry types may mix (an incident may be a point or a line), so the header says
 * Unknown and each feature carries its own type.
 */
final class FlatGeobufFeatures {

    private final FeatureTable table;
    private final FlatBufferBuilder builder = new FlatBufferBuilder(4096);
    private ByteBuffer properties = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    FlatGeobufFeatures(FeatureTable table) {
        this.table = table;
    }

    /**
     * The magic bytes and the header; {@code count} 0 and {@code indexNodeSize} 0 when unknown or
     * unindexed, {@code extent} null when unknown.
     */
    void writeHeader(OutputStream out, int epsg, long count, int indexNodeSize, Envelope extent) throws IOException {
        HeaderMeta header = new HeaderMeta();
        header.name = table.name();
        header.geometryType = (byte) GeometryType.Unknown;
        header.srid = epsg;
        header.featuresCount = count;
        header.indexNodeSize = indexNodeSize;
        header.envelope = extent;
        header.columns = columns(table);
        out.write(Constants.MAGIC_BYTES);
        HeaderMeta.write(header, out, new FlatBufferBuilder(1024));
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

    /** The row as a size-prefixed feature, valid until the next call. */
    ByteBuffer encode(FeatureRow row) throws IOException {
        builder.clear();
        int geometry = row.geometry() == null ? 0
                : GeometryConversions.serialize(builder, readable(row.geometry()), (byte) GeometryType.Unknown);
        int props = Feature.createPropertiesVector(builder, properties(row));
        Feature.startFeature(builder);
        if (row.geometry() != null) {
            Feature.addGeometry(builder, geometry);
        }
        Feature.addProperties(builder, props);
        builder.finishSizePrefixed(Feature.endFeature(builder));
        return builder.dataBuffer();
    }

    /**
     * A one-part MultiLineString is written as its LineString: the library then leaves out the
     * part ends, which GDAL before 3.7 requires of every MultiLineString ("Unexpected nullptr").
     */
    private static Geometry readable(Geometry g) {
        return g instanceof MultiLineString m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
    }

    /** Each non-null value as its little-endian column index, then the value (strings length-prefixed). */
    private ByteBuffer properties(FeatureRow row) {
        properties.clear();
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.values().get(i);
            if (value == null) {
                continue;
            }
            switch (columns.get(i).type()) {
                case INTEGER -> room(10).putShort((short) i).putLong(((Number) value).longValue());
                case REAL -> room(10).putShort((short) i).putDouble(((Number) value).doubleValue());
                default -> {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                    room(6 + text.length).putShort((short) i).putInt(text.length).put(text);
                }
            }
        }
        return properties.flip();
    }

    private ByteBuffer room(int bytes) {
        if (properties.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * properties.capacity(), properties.position() + bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            properties = larger.put(properties.flip());
        }
        return properties;
    }
}
