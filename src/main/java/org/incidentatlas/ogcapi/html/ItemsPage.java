package org.incidentatlas.ogcapi.html;

import java.util.List;
import java.util.function.Supplier;

import gg.jte.Content;

/**
 * A page of items (items.jte). The rows are written from the database cursor while the page is written, so what
 * depends on them (how many were shown, the paging links) is asked for only after them.
 *
 * @param summary    how many features match and how many a page shows
 * @param filters    the filters of the query, or empty
 * @param geoJsonUrl this page as GeoJSON, for its map
 * @param columns    the table's column names
 * @param rows       writes the table's rows ({@link TableRow}s through tableRow.jte)
 * @param paging     called after the rows are written
 */
public record ItemsPage(String base, String title, String summary, String filters, List<Anchor> formats, String geoJsonUrl,
                        List<String> columns, Content rows, Supplier<Paging> paging) {

    /** @param shown e.g. "5 shown." */
    public record Paging(String shown, List<Anchor> links) {
    }
}
