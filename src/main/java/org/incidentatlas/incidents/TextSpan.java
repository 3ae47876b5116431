package org.incidentatlas.incidents;

/** Where in a report's text something was read: character offsets [start, end) (UTF-16 code units). */
public record TextSpan(int start, int end) {
}
