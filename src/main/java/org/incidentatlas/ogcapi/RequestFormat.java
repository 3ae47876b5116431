package org.incidentatlas.ogcapi;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Chooses the representation of a read: the {@code f} parameter wins, else the Accept header.
 * JSON is the only representation so far; anything that rules it out is refused.
 */
final class RequestFormat {

    private RequestFormat() {
    }

    /** Checks that the client accepts JSON in some form; {@code jsonType} is what it will get. */
    static MediaType negotiate(HttpServletRequest request, MediaType jsonType) throws HttpMediaTypeNotAcceptableException {
        String f = request.getParameter("f");
        if (f != null) {
            if (f.equals("json") || f.equals("geojson")) {
                return jsonType;
            }
            throw ApiException.badParameter("f='" + f + "' is not a supported format; use f=json");
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return jsonType;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("the Accept header '" + accept + "' cannot be parsed");
        }
        for (MediaType m : accepted) {
            if (m.includes(jsonType) || m.includes(MediaType.APPLICATION_JSON) || m.includes(OgcMediaTypes.GEOJSON)) {
                return jsonType;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(jsonType, MediaType.APPLICATION_JSON));
    }
}
