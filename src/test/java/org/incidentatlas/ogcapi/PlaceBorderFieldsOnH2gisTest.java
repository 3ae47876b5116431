package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The place and border definitions walked through every representation, on the embedded default (H2 + H2GIS). */
@OnH2gis("placefields")
class PlaceBorderFieldsOnH2gisTest extends PlaceBorderFieldsContract {
}
