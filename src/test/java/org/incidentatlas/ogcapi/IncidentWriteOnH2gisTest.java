package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The IncidentWrite contract on the embedded default (H2 + H2GIS). */
@OnH2gis("api")
class IncidentWriteOnH2gisTest extends IncidentWriteContract {
}
