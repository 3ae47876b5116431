package org.incidentatlas.storage;

import java.time.Duration;

import org.springframework.dao.QueryTimeoutException;

/** A statement the database cancelled because it ran longer than {@code atlas.db.statement-timeout}. */
public class StatementTimeoutException extends QueryTimeoutException {

    private final transient Duration timeout;

    public StatementTimeoutException(Duration timeout, Throwable cause) {
        super("a database statement ran longer than atlas.db.statement-timeout (" + timeout.toSeconds() + " s)", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
