package org.incidentatlas.ogcapi.export;

import java.sql.SQLException;
import java.util.Arrays;

import org.locationtech.jts.geom.Envelope;

/**
 * Bounding boxes of written features with their ids, in primitive arrays (40 bytes a feature,
 * no object per feature), for indexes that are built once every feature is written.
 */
final class Boxes {

    private long[] ids = new long[1024];
    private double[] corners = new double[4 * 1024];
    private int size;

    void add(long id, Envelope e) {
        add(id, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    void add(long id, double minX, double minY, double maxX, double maxY) {
        if (size == ids.length) {
            int grown = size + (size >> 1);
            ids = Arrays.copyOf(ids, grown);
            corners = Arrays.copyOf(corners, 4 * grown);
        }
        ids[size] = id;
        int c = 4 * size;
        corners[c] = minX;
        corners[c + 1] = minY;
        corners[c + 2] = maxX;
        corners[c + 3] = maxY;
        size++;
    }

    int size() {
        return size;
    }

    long id(int i) {
        return ids[i];
    }

    double minX(int i) {
        return corners[4 * i];
    }

    double minY(int i) {
        return corners[4 * i + 1];
    }

    double maxX(int i) {
        return corners[4 * i + 2];
    }

    double maxY(int i) {
        return corners[4 * i + 3];
    }

    /** The box around every box (null envelope when there are none or only empty ones). */
    Envelope extent() {
        Envelope e = new Envelope();
        for (int i = 0; i < size; i++) {
            if (minX(i) <= maxX(i)) {
                e.expandToInclude(minX(i), minY(i));
                e.expandToInclude(maxX(i), maxY(i));
            }
        }
        return e;
    }

    @FunctionalInterface
    interface BoxSink {
        void accept(long id, double minX, double minY, double maxX, double maxY) throws SQLException;
    }

    void forEach(BoxSink sink) throws SQLException {
        for (int i = 0; i < size; i++) {
            sink.accept(ids[i], minX(i), minY(i), maxX(i), maxY(i));
        }
    }
}
