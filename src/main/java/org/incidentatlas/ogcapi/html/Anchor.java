package org.incidentatlas.ogcapi.html;

/** A link on a page: where it goes and its text. */
public record Anchor(String href, String text) {
}
