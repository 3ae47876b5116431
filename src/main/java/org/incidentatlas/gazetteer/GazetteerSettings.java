package org.incidentatlas.gazetteer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gazetteer's matching.
 *
 * @param fuzzyThreshold the score (0-1) a fuzzy or partial name match must reach to be an answer, in search and in
 *                       ingestion; 0.875 is one wrong letter in eight, calibrated on geodata/gold/near-miss.tsv
 */
@Validated
@ConfigurationProperties("atlas.gazetteer")
public record GazetteerSettings(@DefaultValue("" + Gazetteer.DEFAULT_FUZZY_THRESHOLD) @DecimalMin("0") @DecimalMax("1")
                                double fuzzyThreshold) {
}
