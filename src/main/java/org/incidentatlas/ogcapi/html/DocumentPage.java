package org.incidentatlas.ogcapi.html;

import java.util.List;

/**
 * The landing page or a collection (document.jte).
 *
 * @param base    the service's root URL (no trailing slash), for the navigation and the scripts
 * @param links   links after the facts (a collection's items in each format); may be empty
 * @param formats this document in the other formats
 */
public record DocumentPage(String base, String title, String description, List<Definition> rows, List<Anchor> links,
                           List<Anchor> formats) {
}
