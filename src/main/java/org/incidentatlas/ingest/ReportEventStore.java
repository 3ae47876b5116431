package org.incidentatlas.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.incidentatlas.incidents.IncidentColumns;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.incidents.IncidentSchema;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The extracted events of every report and their claims (tables report_events, report_claims):
 * fusion's input and the incidents' provenance. The SQL is the same on both backends; the incident
 * fields an event shares ({@link IncidentField.Trait#EXTRACTED}) are bound and read as the incident store does.
 */
@Component
public class ReportEventStore {

    /** The incident fields an extracted event carries too, defined with the incident's. */
    private static final List<IncidentField> EVENT_FIELDS = IncidentSchema.with(IncidentField.Trait.EXTRACTED);

    private static final String SELECT = "SELECT e.report_id, e.seq, e.incident_id, " + IncidentColumns.select(EVENT_FIELDS, "e.")
            + ", e.lon, e.lat, e.span_start, e.span_end, e.place_span_start, "
            + "e.place_span_end, e.confidence, r.content_sha256, r.title, r.url, r.outlet, r.published_at "
            + "FROM report_events e JOIN reports r ON r.id = e.report_id ";

    private final JdbcTemplate jdbc;
    private final IncidentColumns columns;

    public ReportEventStore(JdbcTemplate jdbc, DatabaseBackend backend) {
        this.jdbc = jdbc;
        this.columns = new IncidentColumns(SqlDialect.of(backend));
    }

    public void insert(ReportEvent e) {
        jdbc.update("INSERT INTO report_events (report_id, seq, " + IncidentColumns.names(EVENT_FIELDS) + ", lon, lat, "
                + "span_start, span_end, place_span_start, place_span_end, confidence) "
                + "VALUES (?, ?, " + String.join(", ", columns.placeholders(EVENT_FIELDS)) + ", ?, ?, ?, ?, ?, ?, ?)",
                (PreparedStatement ps) -> {
                    int i = 1;
                    ps.setLong(i++, e.key().reportId());
                    ps.setInt(i++, e.key().seq());
                    i = columns.bind(ps, i, EVENT_FIELDS, incidentData(e));
                    ps.setDouble(i++, e.lon());
                    ps.setDouble(i++, e.lat());
                    ps.setInt(i++, e.span().start());
                    ps.setInt(i++, e.span().end());
                    ps.setObject(i++, e.placeSpan() == null ? null : e.placeSpan().start(), Types.INTEGER);
                    ps.setObject(i++, e.placeSpan() == null ? null : e.placeSpan().end(), Types.INTEGER);
                    ps.setDouble(i, e.confidence());
                });
        List<Object[]> claims = new ArrayList<>();
        for (int c = 0; c < e.claims().size(); c++) {
            ExtractedClaim x = e.claims().get(c);
            claims.add(new Object[] {e.key().reportId(), e.key().seq(), c, x.claimant(), x.casualtySide(), x.fatalitiesLow(),
                    x.fatalitiesBest(), x.fatalitiesHigh(), x.injuredLow(), x.injuredBest(), x.injuredHigh(),
                    x.span().start(), x.span().end()});
        }
        if (!claims.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO report_claims (report_id, event_seq, seq, claimant, casualty_side, fatalities_low, "
                    + "fatalities_best, fatalities_high, injured_low, injured_best, injured_high, span_start, span_end) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims, claims.size(), (ps, row) -> {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i], i == 4 || i == 3 ? Types.VARCHAR : (i == 0 ? Types.BIGINT : Types.INTEGER));
                        }
                    });
        }
    }

    /** The event's incident fields in the incident's model, so that they bind as the incident store binds them. */
    private static IncidentData incidentData(ReportEvent e) {
        return new IncidentData(e.date(), e.dateEnd(), e.datePrecision(), e.eventType(), e.subEventType(), e.actor1(), e.actor2(),
                e.location(), null, null, null, null, null, null, null);
    }

    /** Events whose days touch [from, to]. */
    public List<ReportEvent> overlapping(LocalDate from, LocalDate to) {
        return load("WHERE e.event_date <= ? AND coalesce(e.event_date_end, e.event_date) >= ?", to, from);
    }

    public List<ReportEvent> ofIncident(long incidentId) {
        return load("WHERE e.incident_id = ?", incidentId);
    }

    public List<ReportEvent> ofReport(long reportId) {
        return load("WHERE e.report_id = ?", reportId);
    }

    /** Removes these events and their claims (a re-geocoded report's superseded accounts). */
    public void delete(Collection<ReportEvent.Key> keys) {
        List<Object[]> rows = keys.stream().map(k -> new Object[] {k.reportId(), k.seq()}).toList();
        jdbc.batchUpdate("DELETE FROM report_claims WHERE report_id = ? AND event_seq = ?", rows);
        jdbc.batchUpdate("DELETE FROM report_events WHERE report_id = ? AND seq = ?", rows);
    }

    public void link(Collection<ReportEvent.Key> keys, long incidentId) {
        List<Object[]> rows = keys.stream().map(k -> new Object[] {incidentId, k.reportId(), k.seq()}).toList();
        jdbc.batchUpdate("UPDATE report_events SET incident_id = ? WHERE report_id = ? AND seq = ?", rows);
    }

    private List<ReportEvent> load(String where, Object... args) {
        Map<ReportEvent.Key, ReportEvent> events = new LinkedHashMap<>();
        jdbc.query(SELECT + where + " ORDER BY e.report_id, e.seq", (ResultSet rs) -> {
            ReportEvent e = map(rs);
            events.put(e.key(), e);
        }, args);
        if (events.isEmpty()) {
            return List.of();
        }
        Map<ReportEvent.Key, List<ExtractedClaim>> claims = claims(events.keySet());
        List<ReportEvent> out = new ArrayList<>(events.size());
        for (ReportEvent e : events.values()) {
            out.add(new ReportEvent(e.key(), e.report(), e.incidentId(), e.eventType(), e.subEventType(), e.date(), e.dateEnd(),
                    e.datePrecision(), e.actor1(), e.actor2(), e.location(), e.lon(), e.lat(), e.span(), e.placeSpan(),
                    e.confidence(), claims.getOrDefault(e.key(), List.of())));
        }
        return out;
    }

    private Map<ReportEvent.Key, List<ExtractedClaim>> claims(Collection<ReportEvent.Key> keys) {
        Map<ReportEvent.Key, List<ExtractedClaim>> out = new LinkedHashMap<>();
        List<Long> reportIds = keys.stream().map(ReportEvent.Key::reportId).distinct().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(reportIds.size(), "?"));
        jdbc.query("SELECT * FROM report_claims WHERE report_id IN (" + marks + ") ORDER BY report_id, event_seq, seq", (ResultSet rs) -> {
            ReportEvent.Key key = new ReportEvent.Key(rs.getLong("report_id"), rs.getInt("event_seq"));
            if (keys.contains(key)) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new ExtractedClaim(rs.getString("claimant"),
                        trimmed(rs.getString("casualty_side")), integer(rs, "fatalities_low"), integer(rs, "fatalities_best"),
                        integer(rs, "fatalities_high"), integer(rs, "injured_low"), integer(rs, "injured_best"),
                        integer(rs, "injured_high"), new Span(rs.getInt("span_start"), rs.getInt("span_end"))));
            }
        }, reportIds.toArray());
        return out;
    }

    private ReportEvent map(ResultSet rs) throws SQLException {
        Map<IncidentField, Object> v = columns.read(rs, EVENT_FIELDS);
        IncidentLocation read = IncidentSchema.location(v);
        IncidentLocation location = new IncidentLocation(read.geometry(), read.name(), read.placeId(), trimmed(read.country()),
                read.admin1(), read.admin2(), read.geoPrecision(), read.uncertaintyM());
        Integer placeStart = integer(rs, "place_span_start");
        Integer placeEnd = integer(rs, "place_span_end");
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        ReportEvent.ReportMeta meta = new ReportEvent.ReportMeta(rs.getString("content_sha256"), rs.getString("title"),
                rs.getString("url"), rs.getString("outlet"), published == null ? null : published.toLocalDate());
        return new ReportEvent(new ReportEvent.Key(rs.getLong("report_id"), rs.getInt("seq")), meta, rs.getObject("incident_id", Long.class),
                (String) v.get(IncidentField.EVENT_TYPE), (String) v.get(IncidentField.SUB_EVENT_TYPE),
                (LocalDate) v.get(IncidentField.EVENT_DATE), (LocalDate) v.get(IncidentField.EVENT_DATE_END),
                Objects.requireNonNull(IncidentSchema.datePrecision(v), "date precision"),
                (String) v.get(IncidentField.ACTOR1), (String) v.get(IncidentField.ACTOR2), location, rs.getDouble("lon"), rs.getDouble("lat"),
                new Span(rs.getInt("span_start"), rs.getInt("span_end")),
                placeStart == null || placeEnd == null ? null : new Span(placeStart, placeEnd),
                rs.getDouble("confidence"), List.of());
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    /** char(3) may come back space-padded. */
    private static String trimmed(String s) {
        return s == null ? null : s.strip();
    }
}
