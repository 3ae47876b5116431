package org.incidentatlas.ogcapi.html;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.incidentatlas.ogcapi.export.Column;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FeatureTable;
import org.incidentatlas.ogcapi.export.TableWriter;

/**
 * Features as an HTML table, one row at a time. The first column is the feature id, linked to
 * the feature's own page; the geometry is left to the page's map.
 */
public final class HtmlTableWriter implements TableWriter {

    private final Writer out;
    private final String itemsUrl;

    /** {@code itemsUrl}: the items URL without query, to which "/{id}?f=html" is appended. */
    public HtmlTableWriter(Writer out, FeatureTable table, String itemsUrl) throws IOException {
        this.out = out;
        this.itemsUrl = itemsUrl;
        out.write("<table class=\"features\">\n<thead><tr>");
        for (Column c : table.columns()) {
            out.write("<th>" + HtmlPage.escape(c.name()) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
    }

    @Override
    public void row(FeatureRow row) throws IOException {
        out.write("<tr>");
        for (int i = 0; i < row.values().size(); i++) {
            Object value = row.values().get(i);
            String text = value == null ? "" : value.toString();
            if (i == 0) {
                String href = itemsUrl + "/" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") + "?f=html";
                out.write("<td>" + HtmlPage.anchor(new HtmlPage.Anchor(href, text)) + "</td>");
            } else {
                out.write("<td>" + HtmlPage.escape(text) + "</td>");
            }
        }
        out.write("</tr>\n");
    }

    @Override
    public void finish() throws IOException {
        out.write("</tbody>\n</table>\n");
        out.flush();
    }
}
