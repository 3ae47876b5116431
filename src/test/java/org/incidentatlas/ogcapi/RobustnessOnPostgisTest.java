package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** No 5xx for client input, and the resource limits, on PostgreSQL + PostGIS. */
@OnPostgis("robust")
class RobustnessOnPostgisTest extends RobustnessContract {
}
