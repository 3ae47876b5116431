package org.incidentatlas.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API resources carry them (RFC 8288 relation types). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {
}
