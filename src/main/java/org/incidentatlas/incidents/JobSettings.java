package org.incidentatlas.incidents;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Background jobs that run on one instance at a time (the border-metrics recompute).
 *
 * @param leaseSeconds how long a holder's lease lasts without renewal, in seconds: a crashed holder's run is
 *                     resumed by another instance after that
 * @param pollSeconds  how often, in seconds, instances look for due work
 */
@Validated
@ConfigurationProperties("atlas.jobs")
public record JobSettings(@DefaultValue("30") @Min(1) int leaseSeconds, @DefaultValue("5") @Min(1) int pollSeconds) {
}
