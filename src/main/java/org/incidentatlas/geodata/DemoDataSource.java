package org.incidentatlas.geodata;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the demo incidents are made from.
 *
 * @param source reports: the team-written demo reports through the ingestion pipeline; coded: the team's hand coding
 *               (geodata/demo/incidents.geojson), a fixed set for tests that select known incidents
 */
@Validated
@ConfigurationProperties("atlas.demo-data")
public record DemoDataSource(@DefaultValue("reports") @Pattern(regexp = "reports|coded") String source) {
}
