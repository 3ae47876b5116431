package org.incidentatlas.ingest;

import org.incidentatlas.testsupport.OnH2gis;

/** The report API contract on the embedded default (H2 + H2GIS). */
@OnH2gis("reports")
class ReportApiOnH2gisTest extends ReportApiContract {
}
