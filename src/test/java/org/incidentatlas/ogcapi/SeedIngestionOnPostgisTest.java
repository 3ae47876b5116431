package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The seed reports end to end on a real PostgreSQL + PostGIS server. */
@OnPostgis("seeds")
class SeedIngestionOnPostgisTest extends SeedIngestionContract {
}
