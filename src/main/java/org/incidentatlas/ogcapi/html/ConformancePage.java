package org.incidentatlas.ogcapi.html;

import java.util.List;

/** The conformance declaration (conformance.jte): the URIs of the classes, and the other formats. */
public record ConformancePage(String base, List<String> classes, List<Anchor> formats) {
}
