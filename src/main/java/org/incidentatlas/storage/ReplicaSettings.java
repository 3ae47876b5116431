package org.incidentatlas.storage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Streaming replicas for reads (optional). Read-only transactions (pages of items, an item, numberMatched) go there
 * while it lags at most {@code readMaxLagSeconds} behind the primary; writes, and reads inside or after a write, go
 * to the primary.
 *
 * @param readUrl           a jdbc:postgresql: URL of the replicas, several hosts allowed; empty: every read goes to
 *                          the primary
 * @param readUser          the replicas' user; empty: the primary's user and password
 * @param readPassword      the replicas' password
 * @param readMaxLagSeconds the most a replica may lag behind the primary, in seconds, and still answer reads
 * @param readLagCheckMs    how often the lag is checked, in milliseconds
 */
@Validated
@ConfigurationProperties("atlas.db")
public record ReplicaSettings(@DefaultValue("") String readUrl, @DefaultValue("") String readUser,
                              @DefaultValue("") String readPassword,
                              @DefaultValue("5") @Positive double readMaxLagSeconds,
                              @DefaultValue("1000") @Min(10) long readLagCheckMs) {
}
