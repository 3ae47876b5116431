package org.incidentatlas.ogcapi.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.io.WKTWriter;

/**
 * RFC 4180 CSV: a {@code WKT} column first (GDAL's CSV driver takes a column of that name as the
 * geometry), then one column per property. UTF-8, CRLF line ends, fields quoted when needed, a null as an empty
 * field.
 */
public final class CsvTableWriter implements TableWriter {

    private final CSVPrinter out;
    private final WKTWriter wkt = new WKTWriter();

    public CsvTableWriter(OutputStream stream, FeatureTable table) throws IOException {
        this.out = new CSVPrinter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), CSVFormat.RFC4180);
        List<String> header = new ArrayList<>();
        header.add("WKT");
        table.columns().forEach(c -> header.add(c.name()));
        out.printRecord(header);
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        List<Object> values = new ArrayList<>(row.values().size() + 1);
        values.add(row.geometry() == null ? null : wkt.write(row.geometry()));
        values.addAll(row.values());
        out.printRecord(values);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
