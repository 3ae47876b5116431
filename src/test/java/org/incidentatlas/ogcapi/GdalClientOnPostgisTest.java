package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The GdalClient contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class GdalClientOnPostgisTest extends GdalClientContract {
}
