package org.incidentatlas.gazetteer;

import org.incidentatlas.testsupport.OnH2gis;

/** The GazetteerApi contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class GazetteerApiOnH2gisTest extends GazetteerApiContract {
}
