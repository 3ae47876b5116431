package org.incidentatlas.gazetteer;

import org.incidentatlas.testsupport.OnH2gis;

/** Analysts' gazetteer corrections on the embedded default (H2 + H2GIS). */
@OnH2gis("places")
class PlaceCorrectionOnH2gisTest extends PlaceCorrectionContract {
}
