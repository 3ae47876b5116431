package org.incidentatlas.ogcapi.html;

import java.util.List;

import org.apache.commons.text.StringEscapeUtils;

/**
 * A small server-rendered HTML page of the API: a navigation bar, the content (every text
 * escaped here, so callers pass plain strings) and optionally a Leaflet map from the webjar.
 */
public final class HtmlPage {

    /** A link to show: where it goes and its text. */
    public record Anchor(String href, String text) {
    }

    private final String base;
    private final String title;
    private final StringBuilder content = new StringBuilder();
    private boolean map;

    /** {@code base} is the service's root URL (no trailing slash), for the navigation and the scripts. */
    public HtmlPage(String base, String title) {
        this.base = base;
        this.title = title;
    }

    public static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeHtml4(text);
    }

    public HtmlPage heading(String text) {
        content.append("<h1>").append(escape(text)).append("</h1>\n");
        return this;
    }

    public HtmlPage subheading(String text) {
        content.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of text; nothing when the text is empty. */
    public HtmlPage paragraph(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        content.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A list of links, e.g. the alternate formats or the paging links. */
    public HtmlPage links(String label, List<Anchor> anchors) {
        if (anchors.isEmpty()) {
            return this;
        }
        content.append("<p class=\"links\">");
        if (label != null) {
            content.append(escape(label)).append(' ');
        }
        for (int i = 0; i < anchors.size(); i++) {
            content.append(i == 0 ? "" : " · ").append(anchor(anchors.get(i)));
        }
        content.append("</p>\n");
        return this;
    }

    /** A two-column table of names and values (values may be links when they are URLs). */
    public HtmlPage definitions(List<String[]> rows) {
        content.append("<table class=\"definitions\">\n");
        for (String[] row : rows) {
            content.append("<tr><th>").append(escape(row[0])).append("</th><td>").append(value(row[1])).append("</td></tr>\n");
        }
        content.append("</table>\n");
        return this;
    }

    /**
     * A map of GeoJSON: fetched from {@code geoJsonUrl}, or given inline (when the URL is null)
     * in a script element of type application/json, which the browser does not execute.
     */
    public HtmlPage map(String geoJsonUrl, String inlineGeoJson) {
        map = true;
        content.append("<div id=\"map\" class=\"map\" data-base=\"").append(escape(base)).append('"');
        if (geoJsonUrl != null) {
            content.append(" data-geojson-url=\"").append(escape(geoJsonUrl)).append('"');
        }
        content.append("></div>\n");
        if (inlineGeoJson != null) {
            // "<" never appears raw inside the script element, so "</script>" in a value cannot end it
            content.append("<script type=\"application/json\" id=\"map-data\">")
                    .append(inlineGeoJson.replace("<", "\\u003c")).append("</script>\n");
        }
        return this;
    }

    /** Markup already escaped by the caller (a table streamed row by row uses {@link #start} and {@link #end} instead). */
    public HtmlPage raw(String html) {
        content.append(html);
        return this;
    }

    public String render() {
        return start() + content + end();
    }

    /** Everything before the content, with the content written so far. */
    public String start() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – incident-atlas</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(base).append("/webjars/leaflet/dist/leaflet.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(base).append("/atlas/pages.css\">\n")
                .append("</head>\n<body>\n<nav>")
                .append(anchor(new Anchor(base + "/?f=html", "incident-atlas"))).append(' ')
                .append(anchor(new Anchor(base + "/collections?f=html", "Collections"))).append(' ')
                .append(anchor(new Anchor(base + "/map", "Map"))).append(' ')
                .append(anchor(new Anchor(base + "/api.html", "API")))
                .append("</nav>\n<main>\n");
        String written = content.toString();
        content.setLength(0);
        return b + written;
    }

    /** Everything after the content, with the content written since {@link #start}. */
    public String end() {
        StringBuilder b = new StringBuilder(content);
        b.append("</main>\n");
        if (map) {
            b.append("<script src=\"").append(base).append("/webjars/leaflet/dist/leaflet.js\"></script>\n")
                    .append("<script src=\"").append(base).append("/atlas/feature-map.js\"></script>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    static String anchor(Anchor a) {
        return "<a href=\"" + escape(a.href()) + "\">" + escape(a.text()) + "</a>";
    }

    private static String value(String v) {
        if (v != null && (v.startsWith("http://") || v.startsWith("https://"))) {
            return anchor(new Anchor(v, v));
        }
        return escape(v);
    }
}
