package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The OGC API contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class OgcApiOnPostgisTest extends OgcApiContract {
}
