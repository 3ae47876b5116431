package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentatlas.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a write body over {@link WriteLimits}: at once with 413 when Content-Length says so, and
 * while reading when the body comes in chunks (the read fails with {@link TooLarge}, which the
 * exception handler answers with the same 413).
 */
@Component
class WriteBodyLimit extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    private final WriteLimits limits;
    private final JsonMapper json;

    WriteBodyLimit(WriteLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /** Thrown by the body stream past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    static String message(WriteLimits limits) {
        return "the request body is larger than " + limits.describe();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // reports have limits of their own (ReportLimits, ReportController)
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !WRITES.contains(request.getMethod()) || path.startsWith("/reports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limits.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Connection", "close"); // the unread body is not drained
            json.writeValue(response.getOutputStream(), new ApiError("PayloadTooLarge", message(limits)));
            return;
        }
        chain.doFilter(new Limited(request, max, message(limits)), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private final String message;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max, String message) {
            super(request);
            this.max = max;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max, message);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private final String message;
        private long read;

        Counting(ServletInputStream in, long max, String message) {
            this.in = in;
            this.max = max;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(message);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
