package org.incidentatlas.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.annotation.Validated;

/**
 * Tells a database that cannot be reached from any other failure, so that clients get 503 with a
 * {@code Retry-After} (and load balancers a failing readiness check) instead of a 500: the request was fine,
 * the service will answer it again once the database is back.
 *
 * @param retryAfterSeconds what clients are told to wait ({@code atlas.db.retry-after-seconds})
 */
@Validated
@ConfigurationProperties("atlas.db")
public record DatabaseOutage(@DefaultValue("5") @Min(1) int retryAfterSeconds) {

    public Duration retryAfter() {
        return Duration.ofSeconds(retryAfterSeconds);
    }

    /**
     * Whether the failure means the database is unreachable: no connection to be had from the pool, a connection
     * refused or broken (SQLSTATE class 08), or the server shutting down or starting (57P01–57P03). A statement
     * timeout (57014) or a constraint violation is not an outage. A rollback that failed on the broken connection
     * hides the first failure behind "Connection is closed": that one is looked at too.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the failure came from a database call (a JDBC error or Spring's translation of one). */
    public static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }
}
