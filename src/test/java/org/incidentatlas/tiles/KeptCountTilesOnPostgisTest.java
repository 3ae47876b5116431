package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnPostgis;

/** Kept-count tiles against scanned tiles on PostgreSQL + PostGIS (statement triggers, ST_AsMVT). */
@OnPostgis("keptcounttiles")
class KeptCountTilesOnPostgisTest extends KeptCountTilesContract {
}
