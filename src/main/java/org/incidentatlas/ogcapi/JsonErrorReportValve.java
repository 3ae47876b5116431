package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The servlet container's own error responses as the API's JSON error body instead of Tomcat's
 * HTML page: those Tomcat answers before any servlet runs, such as a request line or headers over
 * {@code server.max-http-request-header-size}, or a malformed URL.
 */
class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String description = status == 400
                ? "the request cannot be read: its request line or headers are malformed, or longer than the server accepts "
                        + "(request line and headers together at most server.max-http-request-header-size, 8 KB by default)"
                : known == null ? "HTTP status " + status : known.getReasonPhrase();
        String code = status < 500 ? "InvalidRequest" : "ServerError";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"code\":\"" + code + "\",\"description\":\"" + description.replace("\"", "\\\"") + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
