package org.incidentatlas.webmap;

import java.nio.file.Path;

import org.incidentatlas.testsupport.OnH2gis;

/** The web map in headless Chromium on the embedded default (H2 + H2GIS). */
@OnH2gis("webmap")
class WebMapOnH2gisTest extends WebMapContract {

    @Override
    Path screenshot() {
        return Path.of("target/map-screenshot.png");
    }
}
