package org.incidentatlas.ogcapi;

import org.incidentatlas.ogcapi.export.FeatureRow;

/**
 * The CRS of an export file. Files keep x first whatever the CRS's definition says (GDAL and QGIS
 * read them so), so geographic requests, EPSG:4326 included, are written as longitude/latitude
 * (CRS84), and projected ones (EPSG:3857, 32638, 32639) in their eastings and northings.
 */
record ExportCrs(SupportedCrs crs, int epsg, String uri, String wkt1) {

    static ExportCrs of(SupportedCrs asked) {
        if (!asked.projected()) {
            return new ExportCrs(null, 4326, ItemsRequest.CRS84, null);
        }
        return new ExportCrs(asked, Integer.parseInt(asked.uri().substring(asked.uri().lastIndexOf('/') + 1)), asked.uri(),
                asked.wkt1());
    }

    FeatureRow apply(FeatureRow row) {
        return crs == null || row.geometry() == null ? row
                : new FeatureRow(crs.fromStorage(row.geometry()), row.values());
    }
}
