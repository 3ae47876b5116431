package org.incidentatlas.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.storage.DataVersion;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * ETags of read documents whose content follows from the data and the request alone (items pages,
 * collections, whole exports): the data version, which every write moves on, and a digest of the
 * request's URL, its base (links are absolute, so a proxy's host counts) and the representation.
 * They are weak (W/"…"): the page's timeStamp differs byte for byte, and Tomcat gzips only
 * responses without a strong ETag.
 */
@Component
class ReadEtags {

    private final DataVersion version;
    private final ReplicaReads reads;

    ReadEtags(DataVersion version, ReplicaReads reads) {
        this.version = version;
        this.reads = reads;
    }

    /**
     * The ETag of this request's answer as {@code representation}. The version is read before the
     * content (from the same place as the content), so a tag never labels older content than its own.
     */
    String of(HttpServletRequest request, String representation) {
        long v = reads.read(request, version::current);
        String key = ServiceLinks.url("") + '\n' + request.getRequestURI() + '?' + request.getQueryString() + '\n'
                + representation;
        return "W/\"" + DataVersion.tag(v, key) + "\"";
    }

    /** Whether If-None-Match names {@code etag} (weak comparison, as RFC 9110 asks for If-None-Match) or is "*". */
    static boolean notModified(HttpServletRequest request, String etag) {
        String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (header == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
