package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.OnH2gis;

/** Whole exports, Link headers, ETags and gzip on the embedded default (H2 + H2GIS). */
@OnH2gis("downloads")
class DownloadOnH2gisTest extends DownloadContract {
}
