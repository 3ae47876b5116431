package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The incident definition walked through every representation, on the embedded default (H2 + H2GIS). */
@OnH2gis("fields")
class IncidentFieldsOnH2gisTest extends IncidentFieldsContract {
}
