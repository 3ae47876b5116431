package org.incidentatlas.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The distance from each incident to every border within the cutoff ({@code incident_border_distances}),
 * and beside it how many incidents fall in each 100 m band of each border ({@code border_distance_bands}).
 * "How many incidents lie within N m of border X" is then the sum of the bands wholly below N plus
 * one short index range for the band N falls in: a few hundred rows read instead of one per matching
 * incident, and still exact, because the bands change in the same transaction as the distances.
 * Every change to the distances goes through here so that the two never disagree.
 */
final class BorderDistanceTable {

    static final double BAND_M = 100;

    private static final String INSERT = "INSERT INTO incident_border_distances (border_id, incident_id, distance_m) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final String addToBand;

    BorderDistanceTable(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.addToBand = dialect.addToDistanceBand();
    }

    /** One row of the table: an incident's distance to one border. */
    record Row(String border, long incident, double distanceM) {
    }

    /** Adds rows for incidents that have none yet (new incidents). Call inside the writing transaction. */
    void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Bands change = new Bands();
        write(rows, change);
        change.apply();
    }

    /**
     * Replaces the rows of these incidents with {@code rows}. The incidents' own rows must already be
     * locked by the calling transaction (it has updated them), so that no one changes their distances
     * between the read of the old rows and their removal.
     */
    void replace(List<Long> incidents, List<Row> rows) {
        if (incidents.isEmpty()) {
            return;
        }
        Bands change = new Bands();
        readRows(incidents).forEach(r -> change.add(r, -1));
        jdbc.batchUpdate("DELETE FROM incident_border_distances WHERE incident_id = ?",
                incidents.stream().map(id -> new Object[] {id}).toList());
        write(rows, change);
        change.apply();
    }

    private void write(List<Row> rows, Bands change) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows.stream().map(r -> new Object[] {r.border(), r.incident(), r.distanceM()}).toList());
        }
        rows.forEach(r -> change.add(r, 1));
    }

    /**
     * Takes an incident about to be deleted (its row locked by the caller) out of the bands; its rows
     * go with it by the foreign key's cascade.
     */
    void forget(long incident) {
        Bands change = new Bands();
        readRows(List.of(incident)).forEach(r -> change.add(r, -1));
        change.apply();
    }

    /** Exactly how many incidents lie within {@code maxM} metres of {@code border}. */
    long countWithin(String border, double maxM) {
        int band = band(maxM);
        Long n = jdbc.queryForObject("SELECT (SELECT coalesce(sum(incidents), 0) FROM border_distance_bands WHERE border_id = ? AND band < ?)"
                        + " + (SELECT count(*) FROM incident_border_distances WHERE border_id = ? AND distance_m >= ? AND distance_m <= ?)",
                Long.class, border, band, border, bandStart(band), maxM);
        return n == null ? 0 : n;
    }

    /** Incidents within {@code maxM} metres of any of several borders, counted once each. */
    long countWithinAny(List<String> borders, double maxM) {
        if (borders.size() == 1) {
            return countWithin(borders.get(0), maxM);
        }
        List<Object> args = new ArrayList<>(borders);
        args.add(maxM);
        Long n = jdbc.queryForObject("SELECT count(DISTINCT incident_id) FROM incident_border_distances WHERE border_id IN ("
                + SqlWhere.placeholders(borders.size()) + ") AND distance_m <= ?", Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * The band of a distance. The same expression as the migration's {@code floor(distance_m / 100)}:
     * IEEE division and floor give the same integer in Java, PostgreSQL and H2.
     */
    static int band(double distanceM) {
        return (int) Math.floor(distanceM / BAND_M);
    }

    /** The smallest distance whose band is {@code band} or more, so that "distance_m >= it" selects exactly those bands. */
    static double bandStart(int band) {
        double start = band * BAND_M;
        while (band(Math.nextDown(start)) >= band) {
            start = Math.nextDown(start);
        }
        while (band(start) < band) {
            start = Math.nextUp(start);
        }
        return start;
    }

    private List<Row> readRows(List<Long> incidents) {
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < incidents.size(); from += 1000) {
            List<Long> chunk = incidents.subList(from, Math.min(incidents.size(), from + 1000));
            rows.addAll(jdbc.query("SELECT border_id, incident_id, distance_m FROM incident_border_distances WHERE incident_id IN ("
                            + SqlWhere.placeholders(chunk.size()) + ")",
                    (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getDouble(3)), chunk.toArray()));
        }
        return rows;
    }

    /** Net changes per (border, band), applied in one sorted order so concurrent writers cannot deadlock on them. */
    private final class Bands {
        private record Key(String border, int band) {
        }

        private final Map<Key, Long> delta = new TreeMap<>(Comparator.comparing(Key::border).thenComparingInt(Key::band));

        void add(Row row, long n) {
            delta.merge(new Key(row.border(), band(row.distanceM())), n, Long::sum);
        }

        void apply() {
            List<Object[]> args = delta.entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> new Object[] {e.getKey().border(), e.getKey().band(), e.getValue()}).toList();
            if (!args.isEmpty()) {
                jdbc.batchUpdate(addToBand, args);
            }
        }
    }
}
