package org.incidentatlas.ingest;

/** A half-open range [start, end) of character offsets (UTF-16 code units) into a report's text. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
