package org.incidentatlas.geodata;

import java.io.IOException;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the in-memory gazetteer from the committed place files at start-up. */
@Configuration(proxyBeanMethods = false)
public class GazetteerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GazetteerConfiguration.class);

    @Bean
    Gazetteer gazetteer(NameKeys keys, QueryWords words,
                        @Value("${atlas.gazetteer.fuzzy-threshold:" + Gazetteer.DEFAULT_FUZZY_THRESHOLD + "}") double fuzzyThreshold)
            throws IOException {
        Gazetteer gazetteer = new Gazetteer(new PlaceFiles(keys, words).load(), keys, words, fuzzyThreshold);
        LOG.info("Gazetteer: {} places under {} names; fuzzy matches need a score of {}", gazetteer.places().size(),
                gazetteer.nameCount(), fuzzyThreshold);
        return gazetteer;
    }
}
