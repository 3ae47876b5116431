package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The seed reports end to end on the embedded default (H2 + H2GIS). */
@OnH2gis("seeds")
class SeedIngestionOnH2gisTest extends SeedIngestionContract {
}
