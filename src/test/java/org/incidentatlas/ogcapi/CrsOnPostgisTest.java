package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** Part 2 CRS on PostgreSQL + PostGIS. */
@OnPostgis("crs")
class CrsOnPostgisTest extends CrsContract {
}
