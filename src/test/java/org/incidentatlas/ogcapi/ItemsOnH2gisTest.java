package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The items contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class ItemsOnH2gisTest extends ItemsContract {
}
