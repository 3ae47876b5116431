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
 * @param countBudget      {@code atlas.db.count-budget}: how long an exact {@code count(*)} for numberMatched may run
 *                         where no count kept on write answers the request (whole seconds, rounded up); past it
 *                         numberMatched is left out rather than slow. 0: never counted beyond the kept counts.
 */
@Validated
@ConfigurationProperties("atlas.db")
public record DatabaseLimits(@DefaultValue("30s") @DurationMin(seconds = 0) Duration statementTimeout,
                             @DefaultValue("1s") @DurationMin(seconds = 0) Duration countBudget) {

    /** The timeout as JDBC takes it: whole seconds, rounded up (0: none). */
    int timeoutSeconds() {
        return wholeSeconds(statementTimeout);
    }

    /** The count budget as JDBC takes it: whole seconds, rounded up (0: no count beyond the kept ones). */
    public int countBudgetSeconds() {
        return wholeSeconds(countBudget);
    }

    private static int wholeSeconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000);
    }
}
