package org.incidentatlas.ogcapi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * FlatGeobuf without a spatial index and with an unknown feature count (both allowed by the
 * format), so that features are written as the cursor yields them, never held all at once: the
 * items pages, and whole exports asked for with {@code index=false}, which a reader (QGIS through
 * /vsicurl_streaming/) can start on at once. Whole exports otherwise carry the index
 * ({@link IndexedFlatGeobufWriter}).
 */
public final class FlatGeobufTableWriter implements TableWriter {

    private final OutputStream out;
    private final FlatGeobufFeatures features;

    /** {@code epsg}: the EPSG code of the rows' coordinates (x first: longitude or easting). */
    public FlatGeobufTableWriter(OutputStream out, FeatureTable table, int epsg) throws IOException {
        this.out = out;
        this.features = new FlatGeobufFeatures(table);
        features.writeHeader(out, epsg, 0, 0, null);
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        ByteBuffer feature = features.encode(row);
        out.write(feature.array(), feature.arrayOffset() + feature.position(), feature.remaining());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
