package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnPostgis;

/** QGIS's vector tile layer against PostgreSQL + PostGIS (ST_AsMVT tiles). */
@OnPostgis("qgistiles")
class QgisVectorTilesOnPostgisTest extends QgisVectorTilesContract {
}
