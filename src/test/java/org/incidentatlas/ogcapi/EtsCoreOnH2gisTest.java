package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** OGC's test suite assertions on the embedded default (H2 + H2GIS). */
@OnH2gis("ets")
class EtsCoreOnH2gisTest extends EtsCoreContract {
}
