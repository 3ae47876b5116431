package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.web.ApiException;
import org.springframework.stereotype.Component;

/** The collections the service offers, in the order /collections lists them. */
@Component
class FeatureSources {

    private final List<FeatureSource> sources;

    FeatureSources(IncidentsSource incidents, PlacesSource places, BordersSource borders) {
        this.sources = List.of(incidents, places, borders);
    }

    List<FeatureSource> all() {
        return sources;
    }

    FeatureSource get(String collectionId) {
        return sources.stream().filter(s -> s.id().equals(collectionId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("there is no collection '" + collectionId + "'; see /collections"));
    }
}
