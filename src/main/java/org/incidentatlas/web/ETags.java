package org.incidentatlas.web;

/** Version ETags of written features: what If-Match names, for every collection that takes writes. */
public final class ETags {

    private ETags() {
    }

    /**
     * The version named by an If-Match header: null when absent or '*'. A weak validator
     * (W/"3") is accepted, since intermediaries may weaken ETags.
     */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("If-Match '" + ifMatch + "' is not an ETag this service issued (e.g. \"3\")");
        }
    }
}
