package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.storage.DataSourceConfiguration.DatabasePools;
import org.incidentatlas.storage.DatabaseOutage;
import org.incidentatlas.web.ApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * A crash mid-statement shows itself in ways no SQLSTATE list foresees (a reset socket, an end of stream, a
 * statement of a connection the pool already dropped): a failed database call is an outage when the database does
 * not answer right after, and a server error when it does. Real pools: one on a port nobody listens on, one on H2.
 */
class OutageAnswerTest {

    /** What the driver may say when the server vanished in the middle of a statement: no class-08 state. */
    private static final UncategorizedSQLException UNFORESEEN = new UncategorizedSQLException("storing a report",
            "INSERT INTO reports …", new SQLException("server closed the connection unexpectedly", "XX000"));

    private HikariDataSource pool;

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aFailedDatabaseCallWhileTheDatabaseDoesNotAnswerIs503WithRetryAfter() throws IOException {
        pool = unreachable();
        ResponseEntity<ApiError> answer = handler().unexpected(UNFORESEEN);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().code()).isEqualTo("DatabaseUnavailable");
    }

    @Test
    void theSameFailureWhileTheDatabaseAnswersIs500() {
        pool = answering();
        assertThat(handler().unexpected(UNFORESEEN).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aFailureThatIsNotADatabaseCallStays500EvenWhileTheDatabaseIsDown() throws IOException {
        pool = unreachable();
        assertThat(handler().unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }

    private ApiExceptionHandler handler() {
        return new ApiExceptionHandler(new DatabaseOutage(5), new DatabasePools(pool, null));
    }

    /** Connected before it is returned (a first H2 connection on a loaded machine can take longer than the timeout). */
    private static HikariDataSource answering() {
        return pool("jdbc:h2:mem:outage-answer", 1);
    }

    private static HikariDataSource unreachable() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return pool("jdbc:postgresql://127.0.0.1:" + s.getLocalPort() + "/atlas", -1);
        }
    }

    private static HikariDataSource pool(String url, long initializationFailTimeout) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("atlas");
        pool.setPassword("");
        pool.setConnectionTimeout(1500);
        pool.setInitializationFailTimeout(initializationFailTimeout);
        return pool;
    }
}
