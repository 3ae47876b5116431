package org.incidentatlas.ogcapi.html;

import java.util.List;

/** The collections (collections.jte): each with its description and links to its items. */
public record CollectionsPage(String base, List<Summary> collections, List<Anchor> formats) {

    public record Summary(String title, String description, List<Anchor> links) {
    }
}
