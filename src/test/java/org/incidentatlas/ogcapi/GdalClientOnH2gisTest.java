package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The GdalClient contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class GdalClientOnH2gisTest extends GdalClientContract {
}
