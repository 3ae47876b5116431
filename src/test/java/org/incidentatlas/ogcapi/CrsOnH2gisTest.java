package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** Part 2 CRS on the embedded default (H2 + H2GIS). */
@OnH2gis("crs")
class CrsOnH2gisTest extends CrsContract {
}
