package org.incidentatlas.webmap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web map's optional tile layer under the country outlines.
 *
 * @param tileUrl         a tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty: no tiles, the
 *                        map works offline
 * @param tileAttribution the attribution the tile provider asks for
 */
@ConfigurationProperties("atlas.map")
public record MapSettings(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {
}
