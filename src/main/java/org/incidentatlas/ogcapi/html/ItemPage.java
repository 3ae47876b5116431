package org.incidentatlas.ogcapi.html;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One feature (item.jte).
 *
 * @param geoJson    the feature as GeoJSON, for the page's map
 * @param properties its properties object, shown as a table
 */
public record ItemPage(String base, String title, String heading, List<Anchor> links, String geoJson, JsonNode properties) {
}
