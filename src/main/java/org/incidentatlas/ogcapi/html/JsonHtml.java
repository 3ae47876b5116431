package org.incidentatlas.ogcapi.html;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A JSON value as escaped HTML for a feature's page: scalars as text (URLs as links), arrays as
 * lists and objects as small name/value tables, so claims and sources read naturally.
 */
public final class JsonHtml {

    private JsonHtml() {
    }

    public static String render(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return "";
            }
            StringBuilder b = new StringBuilder("<ul>");
            for (JsonNode item : value) {
                b.append("<li>").append(render(item)).append("</li>");
            }
            return b.append("</ul>").toString();
        }
        if (value.isObject()) {
            StringBuilder b = new StringBuilder("<table class=\"nested\">");
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                b.append("<tr><th>").append(HtmlPage.escape(e.getKey())).append("</th><td>")
                        .append(render(e.getValue())).append("</td></tr>");
            }
            return b.append("</table>").toString();
        }
        String text = value.asString();
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return HtmlPage.anchor(new HtmlPage.Anchor(text, text));
        }
        return HtmlPage.escape(text);
    }
}
