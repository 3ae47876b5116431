package org.incidentatlas.tabular;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's tab-separated files (the gazetteer's place files, report manifests, the actor list): a header row
 * naming the columns, then one record per line. Cells are taken as written, without quoting (names and notes hold
 * quote marks), stripped of surrounding white space; blank lines are skipped; a column a short line lacks is empty.
 */
public final class Tsv {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter('\t')
            .setQuote(null)
            .setRecordSeparator('\n')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private Tsv() {
    }

    /** The records as column name → cell, in file order; every column of the header is present in each. */
    public static List<Map<String, String>> rows(String text) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<String> columns = parser.getHeaderNames();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
