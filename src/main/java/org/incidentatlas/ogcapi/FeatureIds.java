package org.incidentatlas.ogcapi;

import java.util.Optional;

import org.incidentatlas.incidents.Incident;

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

    /**
     * The version named by an If-Match header: null when absent or '*'. A weak validator
     * (W/"3") is accepted, since intermediaries may weaken ETags.
     */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("If-Match '" + ifMatch + "' is not an ETag this service issued (e.g. \"3\")");
        }
    }
}
