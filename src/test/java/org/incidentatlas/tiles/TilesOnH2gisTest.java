package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnH2gis;

/** Vector tiles on the embedded default (H2 + H2GIS, tiles encoded by mapbox-vector-tile-java). */
@OnH2gis("tiles")
class TilesOnH2gisTest extends TilesContract {
}
