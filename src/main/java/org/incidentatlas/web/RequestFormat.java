package org.incidentatlas.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Chooses the representation of a read: the {@code f} parameter wins, else the Accept header
 * (highest quality first; {@code *}/{@code *} and no header mean JSON).
 */
public final class RequestFormat {

    private RequestFormat() {
    }

    /** For resources that are JSON only: checks that the client accepts it; {@code jsonType} is what it will get. */
    public static MediaType negotiate(HttpServletRequest request, MediaType jsonType) throws HttpMediaTypeNotAcceptableException {
        return choose(request, jsonType, List.of(OutputFormat.JSON)).mediaType(jsonType);
    }

    /** For resources with several representations: JSON when the Accept header allows it, else its best choice. */
    public static MediaType negotiate(HttpServletRequest request, MediaType jsonType, List<OutputFormat> offered)
            throws HttpMediaTypeNotAcceptableException {
        return choose(request, jsonType, offered).mediaType(jsonType);
    }

    /** One of {@code offered} (JSON first), as asked for by f or Accept. */
    public static OutputFormat choose(HttpServletRequest request, MediaType jsonType, List<OutputFormat> offered)
            throws HttpMediaTypeNotAcceptableException {
        String f = request.getParameter("f");
        if (f != null) {
            return offered.stream().filter(o -> o.isNamed(f)).findFirst().orElseThrow(() -> ApiException.badParameter(
                    "f='" + f + "' is not a supported format here; use one of "
                            + offered.stream().map(OutputFormat::parameter).toList()));
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return OutputFormat.JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("the Accept header '" + accept + "' cannot be parsed");
        }
        // stable: among equal qualities the client's order stands
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType m : accepted) {
            if (m.getQualityValue() == 0) {
                continue;
            }
            if (m.includes(jsonType) || m.includes(MediaType.APPLICATION_JSON) || m.includes(OgcMediaTypes.GEOJSON)) {
                return OutputFormat.JSON;
            }
            for (OutputFormat o : offered) {
                if (o != OutputFormat.JSON && m.includes(o.mediaType(jsonType))) {
                    return o;
                }
            }
        }
        List<MediaType> types = new ArrayList<>(List.of(jsonType, MediaType.APPLICATION_JSON));
        offered.stream().filter(o -> o != OutputFormat.JSON).forEach(o -> types.add(o.mediaType(jsonType)));
        throw new HttpMediaTypeNotAcceptableException(types);
    }
}
