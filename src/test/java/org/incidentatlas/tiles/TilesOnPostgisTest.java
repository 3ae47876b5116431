package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnPostgis;

/** Vector tiles on a real PostgreSQL + PostGIS server (ST_AsMVT). */
@OnPostgis("tiles")
class TilesOnPostgisTest extends TilesContract {
}
