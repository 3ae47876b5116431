package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The place and border definitions walked through every representation, on a real PostgreSQL + PostGIS server. */
@OnPostgis("placefields")
class PlaceBorderFieldsOnPostgisTest extends PlaceBorderFieldsContract {
}
