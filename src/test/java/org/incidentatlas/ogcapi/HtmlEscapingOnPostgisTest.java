package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnPostgis;

/** The HTML escaping contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("html-escaping")
class HtmlEscapingOnPostgisTest extends HtmlEscapingContract {
}
