package org.incidentatlas.ogcapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a write's body may be (OWASP API4): {@code atlas.write.max-body} for incidents,
 * borders and geocoding batches. Reports ({@code /reports}) keep their own limits: 1 MiB of text
 * per report, 1,000 reports and 64 MiB per batch.
 */
@ConfigurationProperties("atlas.write")
record WriteLimits(@DefaultValue("1MB") DataSize maxBody) {

    String describe() {
        return maxBody.toBytes() + " bytes (atlas.write.max-body)";
    }
}
