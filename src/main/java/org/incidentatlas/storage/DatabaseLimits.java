package org.incidentatlas.storage;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Resource limits on the database (OWASP API4).
 *
 * @param statementTimeout {@code atlas.db.statement-timeout}: the longest one SQL statement of the
 *                         service may run (the JDBC query timeout, so whole seconds, rounded up);
 *                         a statement over it is cancelled by the database and the request answered
 *                         with a JSON error naming this setting. 0 turns it off.
 */
@Validated
@ConfigurationProperties("atlas.db")
public record DatabaseLimits(@DefaultValue("30s") @DurationMin(seconds = 0) Duration statementTimeout) {

    /** The timeout as JDBC takes it: whole seconds, rounded up (0: none). */
    int timeoutSeconds() {
        long millis = statementTimeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }
}
