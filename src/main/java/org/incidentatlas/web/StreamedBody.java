package org.incidentatlas.web;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written straight to the response by the request's own thread, as the handler's
 * {@code ResponseEntity<StreamedBody>} is answered ({@link StreamedBodyConverter}). Spring's
 * StreamingResponseBody writes on another thread and dispatches the request a second time through
 * the filters and the DispatcherServlet: for a page of 100 features that hand-off and second
 * dispatch were 40 % of the request thread's CPU (docs/BENCHMARKS.md, the HTTP path). Meant for
 * bodies written in well under a request timeout; whole-archive exports stay asynchronous.
 */
@FunctionalInterface
public interface StreamedBody {

    /** Writes the body; {@code out} is not to be closed (the container completes the response). */
    void writeTo(OutputStream out) throws IOException;
}
