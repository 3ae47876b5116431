package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** Exports and HTML pages on a real PostgreSQL + PostGIS server. */
@OnPostgis("formats")
class FormatsOnPostgisTest extends FormatsContract {
}
