package org.incidentatlas.ogcapi;

import java.io.OutputStream;
import java.util.List;

import org.incidentatlas.incidents.Incident;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Feature ids, version ETags and the single-feature document, shared by reads and writes. */
final class FeatureIds {

    private FeatureIds() {
    }

    static long parse(String featureId) {
        try {
            long id = Long.parseLong(featureId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not an id this service issues
        }
        throw ApiException.notFound("there is no feature '" + featureId + "' (incident ids are positive whole numbers)");
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

    static void writeFeature(JsonMapper json, IncidentFeatureWriter writer, OutputStream out, Incident incident,
                             String self, String collection) {
        try (JsonGenerator g = json.createGenerator(out)) {
            writer.write(g, incident, List.of(
                    new Link(self, "self", OgcMediaTypes.GEOJSON_VALUE, "This feature"),
                    new Link(collection, "collection", "application/json", "The collection")));
        }
    }
}
