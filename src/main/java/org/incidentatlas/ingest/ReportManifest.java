package org.incidentatlas.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.incidentatlas.tabular.Tsv;

/**
 * A folder's {@code MANIFEST.tsv}: tab-separated, a header line naming the columns ({@code file}
 * and any of {@code published_at}, {@code title}, {@code url}, {@code outlet}, {@code language}),
 * then one row per report text file. Read by the command line and the demo loader alike.
 */
public record ReportManifest(List<Map<String, String>> rows) {

    public static final String FILE_NAME = "MANIFEST.tsv";

    public ReportManifest {
        rows = List.copyOf(rows);
    }

    /** The rows, in file order, as column → stripped value; blank lines are skipped. */
    public static ReportManifest parse(String tsv) {
        return new ReportManifest(Tsv.rows(tsv));
    }

    /** The rows that name a file, by file name (a later row for the same file wins). */
    public Map<String, Map<String, String>> byFile() {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> row : rows) {
            if (!row.getOrDefault("file", "").isEmpty()) {
                out.put(row.get("file"), row);
            }
        }
        return out;
    }

    /** A report text with a row's metadata; a blank {@code published_at} is no date. */
    public static ReportInput input(String text, Map<String, String> row) {
        String published = row.get("published_at");
        return new ReportInput(text, row.get("title"), row.get("url"), row.get("outlet"),
                published == null || published.isBlank() ? null : ReportBody.publishedAt(published), row.get("language"));
    }
}
