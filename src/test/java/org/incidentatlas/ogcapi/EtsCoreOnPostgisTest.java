package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** OGC's test suite assertions on PostgreSQL + PostGIS. */
@OnPostgis("ets")
class EtsCoreOnPostgisTest extends EtsCoreContract {
}
