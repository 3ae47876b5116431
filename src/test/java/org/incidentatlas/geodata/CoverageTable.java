package org.incidentatlas.geodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One area's border-coverage table ({@code geodata/supplement/coverage/*.tsv}): every settlement
 * the published lists of an admin unit name, with the gazetteer place that holds it (or why none
 * does) and its distance to the Armenia–Azerbaijan border. The reader rejects a malformed file
 * (header, column count, status, numbers) with the file and line; a row that claims a place but
 * lacks its id or point is read, and fails the coverage check.
 */
record CoverageTable(String area, List<Row> rows) {

    static final List<String> HEADER = List.of("country", "admin1", "admin2", "settlement", "listed_in", "place_id", "lat", "lon",
            "border_km", "status", "note");
    static final Set<String> STATUSES = Set.of("placed", "existing", "unplaced", "abandoned", "merged");

    record Row(int line, String country, String admin1, String admin2, String settlement, String listedIn, String placeId,
               Double lat, Double lon, Double borderKm, String status, String note) {

        /** A settlement the gazetteer should hold: it says where. */
        boolean claimsAPlace() {
            return status.equals("placed") || status.equals("existing");
        }

        boolean withinKm(double km) {
            return borderKm != null && borderKm <= km;
        }
    }

    static CoverageTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString();
        if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(HEADER)) {
            throw new IllegalArgumentException(name + ": the header must be " + String.join(" ", HEADER));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            String at = name + ":" + (i + 1) + ": ";
            if (c.length != HEADER.size()) {
                throw new IllegalArgumentException(at + c.length + " columns, expected " + HEADER.size());
            }
            String status = c[9].strip();
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException(at + "status '" + status + "' is not one of " + STATUSES);
            }
            Row row = new Row(i + 1, c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip(), c[4].strip(), c[5].strip(),
                    number(at, "lat", c[6]), number(at, "lon", c[7]), number(at, "border_km", c[8]), status, c[10].strip());
            if (row.settlement().isEmpty() || row.listedIn().isEmpty()) {
                throw new IllegalArgumentException(at + "settlement and listed_in are required");
            }
            rows.add(row);
        }
        return new CoverageTable(name.replaceFirst("\\.tsv$", ""), rows);
    }

    private static Double number(String at, String column, String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + column + " '" + s + "' is not a number");
        }
    }
}
