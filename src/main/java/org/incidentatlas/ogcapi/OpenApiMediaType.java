package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.incidentatlas.web.OgcMediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the OpenAPI definition at {@code /api} as the media type the landing page's
 * {@code service-desc} link announces, {@value OgcMediaTypes#OPENAPI_JSON_VALUE}. springdoc only
 * knows {@code application/json} and answered a client that asked for the announced type with 406.
 * A client that asks for plain {@code application/json} (and not the OpenAPI type) still gets it.
 */
@Component
class OpenApiMediaType extends OncePerRequestFilter {

    static final String PATH = "/api";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (wantsPlainJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new JsonAccepting(request), new OpenApiTyped(response));
    }

    /** True when the client names application/json but neither the OpenAPI type nor a wildcard. */
    static boolean wantsPlainJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/json") && !a.contains("openapi+json") && !a.contains("*/*");
    }

    /** springdoc sees a request for JSON. */
    private static final class JsonAccepting extends HttpServletRequestWrapper {

        JsonAccepting(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? "application/json" : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of("application/json"))
                    : super.getHeaders(name);
        }
    }

    /** The JSON springdoc writes is labelled with the OpenAPI media type. */
    private static final class OpenApiTyped extends HttpServletResponseWrapper {

        OpenApiTyped(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabel(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        private static String relabel(String type) {
            return type != null && type.startsWith("application/json") ? OgcMediaTypes.OPENAPI_JSON_VALUE : type;
        }
    }
}
