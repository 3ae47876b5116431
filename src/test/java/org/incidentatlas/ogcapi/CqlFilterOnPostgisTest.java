package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** CQL2 filters, sortby and properties on PostgreSQL + PostGIS. */
@OnPostgis("cql")
class CqlFilterOnPostgisTest extends CqlFilterContract {
}
