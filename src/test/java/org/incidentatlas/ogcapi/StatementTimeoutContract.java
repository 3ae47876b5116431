package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import javax.sql.DataSource;

import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * {@code atlas.db.statement-timeout}: a read the database cannot finish in time is cancelled and
 * answered with a 503 JSON error naming the setting, and the next read is served normally. Each
 * backend makes a query slow on purpose in its own way (a lock held by another session on
 * PostgreSQL; a slow SQL function on H2, whose readers never wait for locks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.demo-data=true", "atlas.db.statement-timeout=1s"})
abstract class StatementTimeoutContract {

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(() -> this.port);
    }

    /** Makes {@link #slowRead()} take longer than a second until closed. */
    abstract AutoCloseable slowDown(DataSource dataSource) throws Exception;

    /** An items request that the slow-down affects. */
    abstract String slowRead();

    @Test
    void aStatementOverTheTimeoutIsA503NamingTheSetting() throws Exception {
        HttpResponse<String> before = api.get(slowRead());
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        long matched = api.body(before).path("numberMatched").asLong();
        HttpResponse<String> slow;
        long started = System.nanoTime();
        try (AutoCloseable slowDown = slowDown(dataSource)) {
            slow = api.get(slowRead());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
        assertThat(slow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = api.body(slow);
        assertThat(error.path("code").asString()).isEqualTo("StatementTimeout");
        assertThat(error.path("description").asString()).contains("atlas.db.statement-timeout", "1 s");
        assertThat(seconds).as("cancelled after about the timeout").isBetween(0.9, 20.0);
        HttpResponse<String> after = api.get(slowRead());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(api.body(after).path("numberMatched").asLong()).isEqualTo(matched);
    }
}
