package org.incidentatlas.ingest;

import org.incidentatlas.testsupport.OnPostgis;

/** The report API contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("reports")
class ReportApiOnPostgisTest extends ReportApiContract {
}
