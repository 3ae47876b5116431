package org.incidentatlas.webmap;

import java.nio.file.Path;

import org.incidentatlas.testsupport.OnPostgis;

/** The web map in headless Chromium on a real PostgreSQL + PostGIS server. */
@OnPostgis("webmap")
class WebMapOnPostgisTest extends WebMapContract {

    @Override
    Path screenshot() {
        return Path.of("target/map-screenshot-postgis.png");
    }
}
