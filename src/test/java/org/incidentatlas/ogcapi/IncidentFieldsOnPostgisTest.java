package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The incident definition walked through every representation, on a real PostgreSQL + PostGIS server. */
@OnPostgis("fields")
class IncidentFieldsOnPostgisTest extends IncidentFieldsContract {
}
