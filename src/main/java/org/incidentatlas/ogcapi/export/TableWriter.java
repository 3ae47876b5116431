package org.incidentatlas.ogcapi.export;

import java.io.IOException;

/**
 * Writes features of one table in some format, one row at a time, so that exports stream from
 * the database cursor: {@link #row} for each feature, then {@link #finish} once.
 */
public interface TableWriter {

    void row(FeatureRow row) throws IOException;

    void finish() throws IOException;
}
