package org.incidentatlas.ogcapi;

import java.util.Optional;

import org.incidentatlas.incidents.Incident;
import org.incidentatlas.web.ApiException;

/** Incident feature ids and version ETags, shared by reads and writes. */
final class FeatureIds {

    private FeatureIds() {
    }

    /** The incident id a feature id names, if it is one (a positive whole number). */
    static Optional<Long> incidentId(String featureId) {
        try {
            long id = Long.parseLong(featureId);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long parse(String featureId) {
        return incidentId(featureId).orElseThrow(() -> ApiException.notFound(
                "there is no feature '" + featureId + "' (incident ids are positive whole numbers)"));
    }

    static String etag(Incident incident) {
        return "\"" + incident.version() + "\"";
    }
}
