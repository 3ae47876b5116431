package org.incidentatlas.borders;

import org.incidentatlas.testsupport.OnPostgis;

/** The BordersApi contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class BordersApiOnPostgisTest extends BordersApiContract {
}
