package org.incidentatlas.gazetteer;

import org.incidentatlas.testsupport.OnPostgis;

/** Analysts' gazetteer corrections on a real PostgreSQL + PostGIS server. */
@OnPostgis("places")
class PlaceCorrectionOnPostgisTest extends PlaceCorrectionContract {
}
