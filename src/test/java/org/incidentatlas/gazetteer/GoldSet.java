package org.incidentatlas.gazetteer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The gold set of name variants with their true coordinates ({@code geodata/gold/toponyms.tsv}). */
record GoldSet(List<Row> rows) {

    record Row(String query, String context, String expectedId, String expectedName, Double lat, Double lon,
               String kind, double toleranceKm, String fromSeed, String source) {

        boolean hasCoordinates() {
            return lat != null && lon != null;
        }

        boolean isOutsideTheRegion() {
            return kind.equals("other");
        }
    }

    static GoldSet load() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("geodata/gold/toponyms.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            java.util.function.Function<String, String> col = name -> c[header.indexOf(name)].strip();
            rows.add(new Row(col.apply("query"), col.apply("context"), col.apply("expected_id"), col.apply("expected_name"),
                    col.apply("lat").isEmpty() ? null : Double.valueOf(col.apply("lat")),
                    col.apply("lon").isEmpty() ? null : Double.valueOf(col.apply("lon")),
                    col.apply("kind"), Double.parseDouble(col.apply("tolerance_km")), col.apply("from_seed"), col.apply("source")));
        }
        return new GoldSet(rows);
    }
}
