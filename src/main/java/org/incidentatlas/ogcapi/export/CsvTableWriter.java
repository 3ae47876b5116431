package org.incidentatlas.ogcapi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.locationtech.jts.io.WKTWriter;

/**
 * RFC 4180 CSV: a {@code WKT} column first (GDAL's CSV driver takes a column of that name as the
 * geometry), then one column per property. UTF-8, CRLF line ends, fields quoted when needed.
 */
public final class CsvTableWriter implements TableWriter {

    private final Writer out;
    private final WKTWriter wkt = new WKTWriter();

    public CsvTableWriter(OutputStream stream, FeatureTable table) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write("WKT");
        for (Column c : table.columns()) {
            out.write(',');
            field(c.name());
        }
        out.write("\r\n");
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        field(row.geometry() == null ? null : wkt.write(row.geometry()));
        for (Object value : row.values()) {
            out.write(',');
            field(value == null ? null : value.toString());
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.startsWith(" ") || value.endsWith(" ");
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
