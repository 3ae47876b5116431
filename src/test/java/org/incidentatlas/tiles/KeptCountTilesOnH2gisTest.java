package org.incidentatlas.tiles;

import org.incidentatlas.testsupport.OnH2gis;

/** Kept-count tiles against scanned tiles on the embedded default (H2 + H2GIS, the Java row trigger). */
@OnH2gis("keptcounttiles")
class KeptCountTilesOnH2gisTest extends KeptCountTilesContract {
}
