package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** QGIS's OAPIF provider against a real PostgreSQL + PostGIS server. */
@OnPostgis("qgis")
class QgisClientOnPostgisTest extends QgisClientContract {
}
