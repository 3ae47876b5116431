package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** The incremental sync contract on the embedded default (H2 + H2GIS). */
@OnH2gis("sync")
class SyncOnH2gisTest extends SyncContract {
}
