package org.incidentatlas.geodata;

import java.io.IOException;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.GazetteerSettings;
import org.incidentatlas.gazetteer.LiveGazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.PlaceCorrectionStore;
import org.incidentatlas.gazetteer.QueryWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the in-memory gazetteer at start-up from the committed place files, with the analysts'
 * corrections stored in the database laid over them.
 */
@Configuration(proxyBeanMethods = false)
public class GazetteerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GazetteerConfiguration.class);

    @Bean
    LiveGazetteer liveGazetteer(NameKeys keys, QueryWords words, PlaceCorrectionStore corrections,
                                GazetteerSettings settings) throws IOException {
        double fuzzyThreshold = settings.fuzzyThreshold();
        LiveGazetteer live = new LiveGazetteer(new PlaceFiles(keys, words).load(), keys, words, fuzzyThreshold, corrections.all());
        LOG.info("Gazetteer: {} places under {} names; fuzzy matches need a score of {}", live.current().places().size(),
                live.current().nameCount(), fuzzyThreshold);
        return live;
    }

    /** The gazetteer as it was at start-up; look-ups that must follow later corrections use {@link LiveGazetteer}. */
    @Bean
    Gazetteer gazetteer(LiveGazetteer live) {
        return live.current();
    }
}
