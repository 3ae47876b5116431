package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnH2gis;

/** QGIS's vector tile layer against the embedded default (H2 + H2GIS). */
@OnH2gis("qgis-tiles")
class QgisVectorTilesOnH2gisTest extends QgisVectorTilesContract {
}
