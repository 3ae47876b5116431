package org.incidentatlas.ingest;

/**
 * Reads a report and returns the events an analyst would code from it. Pure: no storage, no
 * side effects; the same input always gives the same output.
 */
public interface ReportExtractor {

    ExtractedReport extract(ReportInput report);
}
