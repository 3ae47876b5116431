package org.incidentatlas.web;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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

    /**
     * The same response with its body written by the request's thread. A handler declares its return type once, and
     * Spring picks the asynchronous path by that declaration: one that answers either kind declares
     * {@code ResponseEntity<?>} and passes its StreamingResponseBody answers through this.
     */
    static ResponseEntity<?> inThisThread(ResponseEntity<StreamingResponseBody> response) {
        StreamingResponseBody body = response.getBody();
        if (body == null) {
            return response;
        }
        StreamedBody streamed = body::writeTo;
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(streamed);
    }
}
