package org.incidentatlas.gazetteer;

import org.incidentatlas.testsupport.OnPostgis;

/** The GazetteerApi contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class GazetteerApiOnPostgisTest extends GazetteerApiContract {
}
