package org.incidentatlas.ogcapi.html;

/** A row of a page's name/value table; a value that is a URL is shown as a link. */
public record Definition(String name, String value) {
}
