package org.incidentatlas.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Reports and their mentions. Plain SQL both backends understand (no spatial or JSON types here);
 * callers run it inside the ingestion transaction.
 */
@Component
public class ReportStore {

    private static final String COLUMNS = "id, content_sha256, title, url, outlet, published_at, language, body, received_at";

    private final JdbcTemplate jdbc;

    public ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredReport> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    public Optional<StoredReport> findByDigest(String sha256) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reports WHERE content_sha256 = ?", (rs, n) -> map(rs), sha256)
                .stream().findFirst();
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM reports", Long.class);
        return n == null ? 0 : n;
    }

    /** Stores the report and returns its id. */
    public long insert(ReportInput r, String sha256) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO reports (content_sha256, title, url, outlet, published_at, "
                    + "language, body) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, sha256);
            ps.setString(2, r.title());
            ps.setString(3, r.url());
            ps.setString(4, r.outlet());
            ps.setObject(5, r.publishedAt());
            ps.setString(6, r.language());
            ps.setString(7, r.text());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void insertMentions(long reportId, List<Mention> mentions) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            rows.add(new Object[] {reportId, i, m.kind().name(), m.span().start(), m.span().end(), clip(m.text(), 2000),
                    clip(m.resolved(), 300)});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO report_mentions (report_id, seq, kind, span_start, span_end, text, resolved) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** Replaces the report's mentions with these (a re-geocoded report). */
    public void replaceMentions(long reportId, List<Mention> mentions) {
        jdbc.update("DELETE FROM report_mentions WHERE report_id = ?", reportId);
        insertMentions(reportId, mentions);
    }

    /** Every report id, in order. */
    public List<Long> ids() {
        return jdbc.queryForList("SELECT id FROM reports ORDER BY id", Long.class);
    }

    public List<Mention> mentions(long reportId) {
        return jdbc.query("SELECT kind, span_start, span_end, text, resolved FROM report_mentions WHERE report_id = ? ORDER BY seq",
                (rs, n) -> new Mention(MentionKind.valueOf(rs.getString("kind")),
                        new Span(rs.getInt("span_start"), rs.getInt("span_end")), rs.getString("text"), rs.getString("resolved")),
                reportId);
    }

    /** The incidents this report contributed to, in id order. */
    public List<Long> incidentIds(long reportId) {
        return jdbc.queryForList("SELECT DISTINCT incident_id FROM report_events WHERE report_id = ? AND incident_id IS NOT NULL "
                + "ORDER BY incident_id", Long.class, reportId);
    }

    /** Serialises ingestion: fusion must see every report stored before it (see FusionPlanner). */
    public void lockFusion() {
        jdbc.queryForList("SELECT id FROM fusion_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static StoredReport map(ResultSet rs) throws SQLException {
        return new StoredReport(rs.getLong("id"), rs.getString("content_sha256"), rs.getString("title"), rs.getString("url"),
                rs.getString("outlet"), rs.getObject("published_at", OffsetDateTime.class), rs.getString("language"),
                rs.getString("body"), rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }
}
