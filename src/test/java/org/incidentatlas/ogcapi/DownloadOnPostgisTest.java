package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** Whole exports, Link headers, ETags and gzip on a real PostgreSQL + PostGIS server. */
@OnPostgis("downloads")
class DownloadOnPostgisTest extends DownloadContract {
}
