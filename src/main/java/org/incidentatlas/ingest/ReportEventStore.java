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

import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.storage.SqlDialect;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The extracted events of every report and their claims (tables report_events, report_claims):
 * fusion's input and the incidents' provenance. The SQL is the same on both backends (geometry
 * goes in and out as WKB, as in the incident store).
 */
@Component
public class ReportEventStore {

    private static final String SELECT = "SELECT e.report_id, e.seq, e.incident_id, e.event_type, e.sub_event_type, e.event_date, "
            + "e.event_date_end, e.date_precision, e.actor1, e.actor2, e.place_id, e.location_name, e.country, e.admin1, e.admin2, "
            + "e.geo_precision, e.location_uncertainty_m, ST_AsBinary(e.geom) AS geom_wkb, e.lon, e.lat, e.span_start, e.span_end, e.place_span_start, "
            + "e.place_span_end, e.confidence, r.content_sha256, r.title, r.url, r.outlet, r.published_at "
            + "FROM report_events e JOIN reports r ON r.id = e.report_id ";

    private final JdbcTemplate jdbc;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SqlDialect.SRID);

    public ReportEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReportEvent e) {
        IncidentLocation l = e.location();
        jdbc.update("INSERT INTO report_events (report_id, seq, event_type, sub_event_type, event_date, event_date_end, "
                + "date_precision, actor1, actor2, place_id, location_name, country, admin1, admin2, geo_precision, location_uncertainty_m, geom, lon, lat, "
                + "span_start, span_end, place_span_start, place_span_end, confidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, " + SqlDialect.SRID + "), ?, ?, ?, ?, ?, ?, ?)",
                (PreparedStatement ps) -> {
                    int i = 1;
                    ps.setLong(i++, e.key().reportId());
                    ps.setInt(i++, e.key().seq());
                    ps.setString(i++, e.eventType());
                    ps.setString(i++, e.subEventType());
                    ps.setObject(i++, e.date());
                    ps.setObject(i++, e.dateEnd(), Types.DATE);
                    ps.setString(i++, e.datePrecision().code());
                    ps.setString(i++, e.actor1());
                    ps.setString(i++, e.actor2());
                    ps.setString(i++, l.placeId());
                    ps.setString(i++, l.name());
                    ps.setString(i++, l.country());
                    ps.setString(i++, l.admin1());
                    ps.setString(i++, l.admin2());
                    ps.setInt(i++, l.geoPrecision());
                    ps.setObject(i++, l.uncertaintyM(), Types.INTEGER);
                    ps.setBytes(i++, new WKBWriter(2).write(l.geometry()));
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
        Geometry geometry;
        try {
            geometry = new WKBReader(geometries).read(rs.getBytes("geom_wkb"));
            geometry.setSRID(SqlDialect.SRID);
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry in report event", e);
        }
        IncidentLocation location = new IncidentLocation(geometry, rs.getString("location_name"), rs.getString("place_id"),
                trimmed(rs.getString("country")), rs.getString("admin1"), rs.getString("admin2"), rs.getInt("geo_precision"),
                rs.getObject("location_uncertainty_m", Integer.class));
        Integer placeStart = integer(rs, "place_span_start");
        Integer placeEnd = integer(rs, "place_span_end");
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        ReportEvent.ReportMeta meta = new ReportEvent.ReportMeta(rs.getString("content_sha256"), rs.getString("title"),
                rs.getString("url"), rs.getString("outlet"), published == null ? null : published.toLocalDate());
        return new ReportEvent(new ReportEvent.Key(rs.getLong("report_id"), rs.getInt("seq")), meta, rs.getObject("incident_id", Long.class),
                rs.getString("event_type"), rs.getString("sub_event_type"), rs.getObject("event_date", LocalDate.class),
                rs.getObject("event_date_end", LocalDate.class), DatePrecision.fromCode(rs.getString("date_precision")).orElseThrow(),
                rs.getString("actor1"), rs.getString("actor2"), location, rs.getDouble("lon"), rs.getDouble("lat"),
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
