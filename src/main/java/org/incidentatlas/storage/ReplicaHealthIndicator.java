package org.incidentatlas.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code readReplica} in {@code /actuator/health}: the replica's lag behind the primary. A replica
 * that lags more than the bound, or cannot be reached, is OUT_OF_SERVICE — reads then go to the
 * primary — but it is not part of the readiness group: the instance still serves while the
 * primary is fine.
 */
@Component("readReplica")
class ReplicaHealthIndicator extends AbstractHealthIndicator {

    private final ReplicaLag lag;

    ReplicaHealthIndicator(ReplicaLag lag) {
        this.lag = lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!lag.configured()) {
            builder.up().withDetail("reads", "primary (no atlas.db.read-url)");
            return;
        }
        ReplicaLag.Measurement m = lag.measure();
        builder.withDetail("maxLagSeconds", lag.maxLagSeconds()).withDetail("measuredAt", m.at().toString());
        if (m.error() != null) {
            builder.outOfService().withDetail("reads", "primary").withDetail("error", m.error());
            return;
        }
        builder.withDetail("inRecovery", m.inRecovery()).withDetail("lagBytes", m.lagBytes()).withDetail("lagSeconds", m.lagSeconds());
        if (m.lagSeconds() > lag.maxLagSeconds()) {
            builder.outOfService().withDetail("reads", "primary (the replica lags more than the bound)");
        } else {
            builder.up().withDetail("reads", "replica");
        }
    }
}
