package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** No 5xx for client input, and the resource limits, on the embedded default (H2 + H2GIS). */
@OnH2gis("robust")
class RobustnessOnH2gisTest extends RobustnessContract {
}
