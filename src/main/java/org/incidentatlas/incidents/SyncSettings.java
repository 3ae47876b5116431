package org.incidentatlas.incidents;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Incremental sync's tombstones ({@link TombstoneRetention}).
 *
 * @param tombstoneRetention how long deleted incidents' tombstones are kept; a mirror whose cursor is older gets 410
 * @param purgeInterval      how often old tombstones are purged
 */
@Validated
@ConfigurationProperties("atlas.sync")
public record SyncSettings(@DefaultValue("P90D") @DurationMin(seconds = 0) Duration tombstoneRetention,
                           @DefaultValue("PT1H") @DurationMin(seconds = 1) Duration purgeInterval) {
}
