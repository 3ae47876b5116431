package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The OGC API contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class OgcApiOnH2gisTest extends OgcApiContract {
}
