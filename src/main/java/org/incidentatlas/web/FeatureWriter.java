package org.incidentatlas.web;

import java.util.List;

import tools.jackson.core.JsonGenerator;

/**
 * Writes one value as a GeoJSON Feature. The Features core implements it for each feature type;
 * a capability's endpoints answer features through it, so they never import the Features core.
 */
@FunctionalInterface
public interface FeatureWriter<T> {

    void write(JsonGenerator g, T value, List<Link> links);

    default void write(JsonGenerator g, T value) {
        write(g, value, List.of());
    }
}
