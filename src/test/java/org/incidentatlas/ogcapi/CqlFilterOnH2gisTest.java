package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** CQL2 filters, sortby and properties on the embedded default (H2 + H2GIS). */
@OnH2gis("cql")
class CqlFilterOnH2gisTest extends CqlFilterContract {
}
