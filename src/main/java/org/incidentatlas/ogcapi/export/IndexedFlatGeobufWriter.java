package org.incidentatlas.ogcapi.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.NodeItem;
import org.wololo.flatgeobuf.PackedRTree;

/**
 * FlatGeobuf with its packed Hilbert R-tree, which precedes the features in the file, written in
 * bounded memory the way GDAL does it: the features go to a spool file as the cursor yields them,
 * keeping only each one's box and spool offset (40 bytes a feature, in primitive arrays); then
 * the header, the tree (built from those boxes in Hilbert order) and the features, copied from
 * the spool in that same order, go to the output. Disk: the spool, about the size of the file.
 */
public final class IndexedFlatGeobufWriter implements TableWriter, AutoCloseable {

    /** Children per tree node: GDAL's and the format's default. */
    static final int NODE_SIZE = 16;
    /** The Hilbert curve's grid, as in the format's reference implementation. */
    private static final int HILBERT_MAX = (1 << 16) - 1;
    private static final int NODE_BYTES = 40;

    private final FlatGeobufFeatures features;
    private final int epsg;
    private final Path spoolFile;
    private final OutputStream spool;
    /** Box of each feature, with its offset in the spool as id. */
    private final Boxes boxes = new Boxes();
    private long spooled;

    /** {@code epsg}: the EPSG code of the rows' coordinates; the spool is made in {@code directory}. */
    public IndexedFlatGeobufWriter(FeatureTable table, int epsg, Path directory) throws IOException {
        this.features = new FlatGeobufFeatures(table);
        this.epsg = epsg;
        this.spoolFile = Files.createTempFile(directory, "atlas-" + table.name() + "-", ".spool");
        this.spool = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 20);
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        ByteBuffer feature = features.encode(row);
        Geometry g = row.geometry();
        if (g == null || g.isEmpty()) {
            // a box nothing intersects
            boxes.add(spooled, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY);
        } else {
            Envelope e = g.getEnvelopeInternal();
            boxes.add(spooled, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        }
        int size = feature.remaining();
        spool.write(feature.array(), feature.arrayOffset() + feature.position(), size);
        spooled += size;
    }

    /** Nothing to finish until {@link #writeTo}; the spool is closed there. */
    @Override
    public void finish() throws IOException {
        spool.flush();
    }

    /** Writes the whole file to {@code out} and deletes the spool. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            spool.close();
            int n = boxes.size();
            Envelope extent = boxes.extent();
            features.writeHeader(out, epsg, n, n == 0 ? 0 : NODE_SIZE, extent.isNull() ? null : extent);
            if (n == 0) {
                return;
            }
            int[] order = hilbertOrder(extent);
            writeTree(out, order);
            copyFeatures(out, order);
        } finally {
            Files.deleteIfExists(spoolFile);
        }
    }

    /** Deletes the spool, whether or not the file was written. */
    @Override
    public void close() {
        try {
            spool.close();
        } catch (IOException ignored) {
            // deleted below either way
        }
        try {
            Files.deleteIfExists(spoolFile);
        } catch (IOException ignored) {
            // a temporary file; the system's cleanup takes it
        }
    }

    /** Feature indexes sorted by the Hilbert value of their box centres, as (value << 32 | index) longs. */
    private int[] hilbertOrder(Envelope extent) {
        int n = boxes.size();
        long[] keys = new long[n];
        double width = extent.getWidth();
        double height = extent.getHeight();
        for (int i = 0; i < n; i++) {
            long h = boxes.minX(i) > boxes.maxX(i) ? 0 : PackedRTree.hibert(new NodeItem(boxes.minX(i), boxes.minY(i),
                    boxes.maxX(i), boxes.maxY(i)), HILBERT_MAX, extent.getMinX(), extent.getMinY(), width, height);
            keys[i] = (h << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    /**
     * The packed R-tree, root first: levels of nodes of up to NODE_SIZE children each, from the
     * leaves (one per feature, in file order, holding the feature's byte offset) up to one root; a
     * parent holds the index of its first child. Only the parents (1/15 of the leaves) are kept in
     * memory; the leaves are written straight from the boxes.
     */
    private void writeTree(OutputStream out, int[] order) throws IOException {
        int n = order.length;
        // nodes per level, leaves first, as generateLevelBounds of the reference implementation
        int[] perLevel = new int[40];
        int levels = 0;
        int count = n;
        perLevel[levels++] = count;
        do {
            count = (count + NODE_SIZE - 1) / NODE_SIZE;
            perLevel[levels++] = count;
        } while (count != 1);
        long total = 0;
        for (int i = 0; i < levels; i++) {
            total += perLevel[i];
        }
        int parents = (int) (total - n);
        // levelStart[i]: index of level i's first node in the file (the root level is at 0)
        int[] levelStart = new int[levels];
        int start = (int) total;
        for (int i = 0; i < levels; i++) {
            start -= perLevel[i];
            levelStart[i] = start;
        }
        double[] box = new double[4 * parents];
        long[] firstChild = new long[parents];
        for (int level = 1; level < levels; level++) {
            int child = 0;
            int children = perLevel[level - 1];
            for (int p = 0; p < perLevel[level]; p++) {
                int node = levelStart[level] + p;
                firstChild[node] = levelStart[level - 1] + child;
                double minX = Double.POSITIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY;
                double maxX = Double.NEGATIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < NODE_SIZE && child < children; j++, child++) {
                    double[] c = level == 1 ? leafBox(order[child]) : nodeBox(box, levelStart[level - 1] + child);
                    minX = Math.min(minX, c[0]);
                    minY = Math.min(minY, c[1]);
                    maxX = Math.max(maxX, c[2]);
                    maxY = Math.max(maxY, c[3]);
                }
                box[4 * node] = minX;
                box[4 * node + 1] = minY;
                box[4 * node + 2] = maxX;
                box[4 * node + 3] = maxY;
            }
        }
        ByteBuffer node = ByteBuffer.allocate(NODE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < parents; i++) {
            node.clear();
            node.putDouble(box[4 * i]).putDouble(box[4 * i + 1]).putDouble(box[4 * i + 2]).putDouble(box[4 * i + 3])
                    .putLong(firstChild[i]);
            out.write(node.array());
        }
        long offset = 0;
        for (int k = 0; k < n; k++) {
            int f = order[k];
            node.clear();
            node.putDouble(boxes.minX(f)).putDouble(boxes.minY(f)).putDouble(boxes.maxX(f)).putDouble(boxes.maxY(f))
                    .putLong(offset);
            out.write(node.array());
            offset += size(f);
        }
    }

    private double[] leafBox(int f) {
        return new double[] {boxes.minX(f), boxes.minY(f), boxes.maxX(f), boxes.maxY(f)};
    }

    private static double[] nodeBox(double[] box, int node) {
        return Arrays.copyOfRange(box, 4 * node, 4 * node + 4);
    }

    private long size(int f) {
        long end = f + 1 < boxes.size() ? boxes.id(f + 1) : spooled;
        return end - boxes.id(f);
    }

    /** The features in tree order, read back from the spool. */
    private void copyFeatures(OutputStream out, int[] order) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (FileChannel in = FileChannel.open(spoolFile, StandardOpenOption.READ)) {
            for (int f : order) {
                long position = boxes.id(f);
                int size = (int) size(f);
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate(size);
                }
                buffer.clear().limit(size);
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, position + buffer.position()) < 0) {
                        throw new IOException("the FlatGeobuf spool " + spoolFile + " ended early");
                    }
                }
                out.write(buffer.array(), 0, size);
            }
        }
    }
}
