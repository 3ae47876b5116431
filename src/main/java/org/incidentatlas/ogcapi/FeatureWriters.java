package org.incidentatlas.ogcapi;

import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.web.FeatureWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GeoJSON writers of the Features core, offered to the capabilities' endpoints (reports,
 * gazetteer) as {@link FeatureWriter}s, so those endpoints answer the same features as the items
 * without importing this package.
 */
@Configuration(proxyBeanMethods = false)
class FeatureWriters {

    @Bean
    FeatureWriter<Incident> incidentFeatures(IncidentFeatureWriter writer) {
        return writer::write;
    }

    @Bean
    FeatureWriter<Place> placeFeatures(PlaceFeatureWriter writer) {
        return (g, place, links) -> writer.write(g, place, null, links);
    }

    /** A search answer: the place with its score, the kind of match and the name that matched. */
    @Bean
    FeatureWriter<Candidate> candidateFeatures(PlaceFeatureWriter writer) {
        return (g, candidate, links) -> writer.write(g, candidate.place(), candidate, links);
    }
}
