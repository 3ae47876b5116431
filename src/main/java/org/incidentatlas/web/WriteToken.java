package org.incidentatlas.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bearer token writes need ({@link WriteAccess}). Bound at {@code atlas}: the setting is
 * {@code atlas.write-token} (env ATLAS_WRITE_TOKEN), beside {@code atlas.write.*} (ogcapi.WriteLimits).
 *
 * @param writeToken the token; empty: a random one is generated and logged at start-up
 */
@ConfigurationProperties("atlas")
public record WriteToken(@DefaultValue("") String writeToken) {
}
