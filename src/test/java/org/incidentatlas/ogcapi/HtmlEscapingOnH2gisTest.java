package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The HTML escaping contract on the embedded default (H2 + H2GIS). */
@OnH2gis("html-escaping")
class HtmlEscapingOnH2gisTest extends HtmlEscapingContract {
}
