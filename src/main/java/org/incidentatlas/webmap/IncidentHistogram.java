package org.incidentatlas.webmap;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.ApiException;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.ogcapi.CollectionConditions;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over time for the web map's histogram: counts per day, month or year of the event date,
 * with the items' filters (the same parser and SQL condition as the items and the tiles), so each
 * bar is what {@code /collections/incidents/items} matches for that period. One GROUP BY in the
 * database, over the per-day counts kept on write where they answer the filters, never the rows themselves.
 */
@RestController
@Tag(name = "Web map")
public class IncidentHistogram {

    /** One bar: the incidents whose event date falls in [start, end). */
    record Bucket(LocalDate start, LocalDate end, long count) {
    }

    record Histogram(String interval, long total, List<Bucket> buckets) {
    }

    /** A period of the calendar, as a bucket key both H2 and PostgreSQL compute from the event date. */
    enum Interval {
        DAY("CAST(%s AS DATE) - DATE '1970-01-01'") {
            @Override
            LocalDate start(long key) {
                return LocalDate.ofEpochDay(key);
            }

            @Override
            LocalDate next(LocalDate start) {
                return start.plusDays(1);
            }
        },
        MONTH("EXTRACT(YEAR FROM %1$s) * 12 + EXTRACT(MONTH FROM %1$s) - 1") {
            @Override
            LocalDate start(long key) {
                return LocalDate.of((int) (key / 12), (int) (key % 12) + 1, 1);
            }

            @Override
            LocalDate next(LocalDate start) {
                return start.plusMonths(1);
            }
        },
        YEAR("EXTRACT(YEAR FROM %s)") {
            @Override
            LocalDate start(long key) {
                return LocalDate.of((int) key, 1, 1);
            }

            @Override
            LocalDate next(LocalDate start) {
                return start.plusYears(1);
            }
        };

        private final String key;

        Interval(String key) {
            this.key = key;
        }

        /** The bucket key of a date column. */
        String key(String column) {
            return String.format(Locale.ROOT, key, column);
        }

        abstract LocalDate start(long key);

        abstract LocalDate next(LocalDate start);
    }

    private static final String COLLECTION = "incidents";

    private final CollectionConditions collections;
    private final JdbcTemplate jdbc;

    public IncidentHistogram(CollectionConditions collections, JdbcTemplate jdbc) {
        this.collections = collections;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/map/histogram", produces = "application/json")
    @Operation(summary = "Incidents per day, month or year of their event date, with the items' filters",
            description = "Takes the items' filters (datetime, property filters, border / max-border-distance, "
                    + "filter / filter-lang / filter-crs); an incident counts in the bucket of its first event date.")
    Histogram histogram(@Parameter(description = "day, month (default) or year") @RequestParam(defaultValue = "month") String interval,
                        HttpServletRequest request) {
        Interval period = interval(interval);
        Map<String, String[]> filters = new TreeMap<>(request.getParameterMap());
        filters.remove("interval");
        // the days kept on write where they answer the filters (the map's first view: none, or an event type), a
        // GROUP BY over the matching incidents otherwise: 1 s at a million incidents
        Sql perDay = collections.keptDayStarts(COLLECTION, filters)
                .map(kept -> new Sql("SELECT " + period.key("event_day") + " AS k, n FROM (" + kept.text() + ") d", kept.args()))
                .orElseGet(() -> {
                    SqlWhere where = collections.condition(COLLECTION, filters, null);
                    return new Sql("SELECT " + period.key("event_date") + " AS k, 1 AS n FROM " + COLLECTION + where.sql(), where.args());
                });
        String sql = "SELECT k, SUM(n) AS n FROM (" + perDay.text() + ") t GROUP BY k HAVING SUM(n) > 0 ORDER BY k";
        List<Bucket> buckets = jdbc.query(sql, (rs, i) -> {
            LocalDate start = period.start(rs.getLong("k"));
            return new Bucket(start, period.next(start), rs.getLong("n"));
        }, perDay.args().toArray());
        return new Histogram(period.name().toLowerCase(Locale.ROOT), buckets.stream().mapToLong(Bucket::count).sum(), buckets);
    }

    private static Interval interval(String name) {
        for (Interval i : Interval.values()) {
            if (i.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw ApiException.badParameter("interval '" + name + "' is not one of day, month, year");
    }
}
