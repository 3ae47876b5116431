package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** QGIS's OAPIF provider against the embedded default (H2 + H2GIS). */
@OnH2gis("qgis")
class QgisClientOnH2gisTest extends QgisClientContract {
}
