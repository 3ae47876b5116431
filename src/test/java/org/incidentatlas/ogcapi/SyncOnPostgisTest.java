package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The incremental sync contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("sync")
class SyncOnPostgisTest extends SyncContract {
}
