package org.incidentatlas.borders;

import org.incidentatlas.testsupport.OnH2gis;

/** The BordersApi contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class BordersApiOnH2gisTest extends BordersApiContract {
}
