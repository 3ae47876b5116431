package org.incidentatlas.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.PostgisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A change numbered before another but committed after it is never passed by a sync cursor: two writers' transactions
 * interleave with a reader on a real PostgreSQL, and a naive reader ordering by change number alone is shown to miss
 * the change the service's reader gets.
 */
class ChangeOrderOnPostgisTest {

    private static HikariDataSource db;
    private static JdbcIncidentChanges changes;

    @BeforeAll
    static void database() {
        db = TestDatabases.postgis("changeorder");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        changes = new JdbcIncidentChanges(new JdbcIncidentStore(jdbc, transactions, new PostgisDialect(), () -> null),
                DatabaseBackend.POSTGIS, jdbc, transactions);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    /** A mirror's reader: every change in the order received, and its cursor. */
    private static final class Reader {
        final List<Long> received = new ArrayList<>();
        SyncCursor cursor;

        void poll() {
            IncidentChanges.ChangePage page;
            do {
                page = changes.page(IncidentFilter.ALL, cursor, 2, c -> received.add(c.id()));
                cursor = page.next();
            } while (!page.caughtUp());
        }
    }

    /** A reader that trusts the change number alone: what the transaction ids are there to prevent. */
    private static final class NaiveReader {
        final List<Long> received = new ArrayList<>();
        long lastSeq;

        void poll() {
            new JdbcTemplate(db).query("SELECT incident_id, change_seq FROM incident_changes WHERE change_seq > ? ORDER BY change_seq",
                    rs -> {
                        received.add(rs.getLong(1));
                        lastSeq = rs.getLong(2);
                    }, lastSeq);
        }
    }

    private static long insert(Connection c, String name) throws SQLException {
        return insert(c, name, "Battles", 45);
    }

    private static long insert(Connection c, String name, String eventType, double lon) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (event_date, date_precision, event_type, geom, geo_precision, "
                + "location_name) VALUES (DATE '2024-01-01', 'day', ?, ST_SetSRID(ST_MakePoint(?, 40), 4326), 1, ?) RETURNING id")) {
            ps.setString(1, eventType);
            ps.setDouble(2, lon);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aChangeNumberedEarlierButCommittedLaterIsServedAndNeverPassed() throws Exception {
        // The data_version trigger (V9) happens to serialise writers of incidents at statement end; the sync must not
        // depend on it, and with it writers interleave freely: turned off for this test's own database.
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("ALTER TABLE incidents DISABLE TRIGGER incidents_data_version");
        try {
            Reader reader = new Reader();
            NaiveReader naive = new NaiveReader();
            reader.poll();
            naive.poll();
            reader.received.clear();
            naive.received.clear();
            long a1;
            long b1;
            long b2;
            try (Connection a = db.getConnection(); Connection b = db.getConnection()) {
                a.setAutoCommit(false);
                b.setAutoCommit(false);
                failRatherThanWait(a);
                failRatherThanWait(b);
                // writer A starts first (its transaction id is taken), writer B commits a change meanwhile
                takeTransactionId(a);
                b1 = insert(b, "B1");
                b.commit();
                // A writes: its change number comes after B1's; then B writes and commits again, numbered after A's
                // (another event type and place: the kept counts (V10, V14) hold their cell, cell-total, day and month rows
                // until commit, so two writers of the same cell, or of the same type and month, wait for each other — B
                // would wait for A here; 5 degrees east is another cell at every kept level)
                a1 = insert(a, "A1", "Riots", 50);
                b2 = insert(b, "B2");
                b.commit();

                reader.poll();
                naive.poll();
                assertThat(reader.received).as("nothing newer than a running transaction is served").isEmpty();
                assertThat(naive.received).containsExactly(b1, b2);

                a.commit();
            }
            reader.poll();
            naive.poll();
            assertThat(reader.received).as("in transaction order, none missed").containsExactly(a1, b1, b2);
            assertThat(naive.received).as("the naive reader had passed A1's number when A committed").doesNotContain(a1);
        } finally {
            jdbc.execute("ALTER TABLE incidents ENABLE TRIGGER incidents_data_version");
        }
    }

    @Test
    void withTheShippedTriggersAChangeOfALaterTransactionWaitsForTheEarlierOne() throws Exception {
        Reader reader = new Reader();
        reader.poll();
        reader.received.clear();
        long a1;
        long b1;
        try (Connection a = db.getConnection(); Connection b = db.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            takeTransactionId(a);
            b1 = insert(b, "B1 shipped");
            b.commit();
            reader.poll();
            assertThat(reader.received).as("B1 waits while the older transaction A runs").isEmpty();
            a1 = insert(a, "A1 shipped");
            a.commit();
        }
        reader.poll();
        assertThat(reader.received).containsExactly(a1, b1);
        // an update of B1 afterwards comes again; rewriting the same values is no change
        new JdbcTemplate(db).update("UPDATE incidents SET notes = 'edited' WHERE id = ?", b1);
        reader.poll();
        new JdbcTemplate(db).update("UPDATE incidents SET notes = 'edited' WHERE id = ?", b1);
        reader.poll();
        assertThat(reader.received).containsExactly(a1, b1, b1);
    }

    /** A writer blocked by the other's row locks would wait for ever (the other waits for it): an error instead. */
    private static void failRatherThanWait(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '10s'");
        }
    }

    private static void takeTransactionId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id()")) {
            ps.executeQuery().close();
        }
    }
}
