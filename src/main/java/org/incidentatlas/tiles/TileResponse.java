package org.incidentatlas.tiles;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentatlas.web.OgcMediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A tile written straight to the servlet response, header for header what a {@code ResponseEntity<byte[]>} with
 * {@code Cache-Control: no-cache} and the ETag gave (same order, same 304s), without Spring MVC's return-value
 * handling: its message-converter choice, content negotiation and request-URI decoding cost a small tile's
 * request a fifth of its CPU (docs/BENCHMARKS.md, issue 14).
 */
final class TileResponse {

    private static final String NO_CACHE = "no-cache";

    private TileResponse() {
    }

    static void write(VersionedTile tile, String etag, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!tile.modified()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        // as Spring does for a 200 with an ETag: sets the ETag, and answers 304 to an If-None-Match it matches
        // (weakly, e.g. W/"d1-"), which the tile's own version check leaves to it
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setContentType(OgcMediaTypes.MVT_VALUE);
        response.setContentLength(tile.body().length);
        response.getOutputStream().write(tile.body());
    }
}
