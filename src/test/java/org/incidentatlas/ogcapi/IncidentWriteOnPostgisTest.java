package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The IncidentWrite contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class IncidentWriteOnPostgisTest extends IncidentWriteContract {
}
