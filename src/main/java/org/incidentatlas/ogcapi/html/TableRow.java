package org.incidentatlas.ogcapi.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.incidentatlas.ogcapi.export.FeatureRow;

/** A row of an items page's table (tableRow.jte): the feature id, linked to the feature's page, then the other values. */
public record TableRow(String id, String href, List<String> cells) {

    /** {@code itemsUrl}: the items URL without query, to which "/{id}?f=html" is appended. */
    public static TableRow of(String itemsUrl, FeatureRow row) {
        List<String> texts = row.values().stream().map(v -> Objects.toString(v, "")).toList();
        String id = texts.get(0);
        String href = itemsUrl + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "?f=html";
        return new TableRow(id, href, texts.subList(1, texts.size()));
    }
}
