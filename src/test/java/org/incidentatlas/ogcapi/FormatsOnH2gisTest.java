package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** Exports and HTML pages on the embedded default (H2 + H2GIS). */
@OnH2gis("formats")
class FormatsOnH2gisTest extends FormatsContract {
}
