package org.incidentatlas.ingest;

/** One sentence of a report: its position, the paragraph (0 = the first line, usually the title) and its span. */
record Sentence(int index, int paragraph, Span span, String text) {

    int start() {
        return span.start();
    }

    int end() {
        return span.end();
    }
}
