package org.incidentatlas.geodata;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether the demo incidents are loaded. Bound at {@code atlas} because the setting {@code atlas.demo-data} is a
 * value and its {@code .source} a setting under it, which one record cannot bind ({@link DemoDataSource}).
 *
 * @param demoData auto: load the demo incidents on the first start of the embedded database; true or false to force
 */
@Validated
@ConfigurationProperties("atlas")
public record DemoDataSettings(@DefaultValue("auto") @Pattern(regexp = "auto|true|false") String demoData) {
}
