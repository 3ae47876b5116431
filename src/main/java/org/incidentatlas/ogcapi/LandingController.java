package org.incidentatlas.ogcapi;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.OutputFormat;
import org.incidentatlas.web.RequestFormat;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The landing page and conformance declaration of OGC API - Features. */
@RestController
@Tag(name = "Capabilities")
public class LandingController {

    record LandingPage(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    @GetMapping("/")
    @Operation(summary = "Landing page", description = "Links to the API definition, the conformance declaration and the collections.")
    ResponseEntity<LandingPage> landing(HttpServletRequest request,
            @Parameter(description = "Output format: json or html") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON, OutputFormat.DOCUMENTS);
        List<Link> links = List.of(
                new Link(ServiceLinks.url("/"), "self", "application/json", "This document"),
                new Link(ServiceLinks.url("/?f=html"), "alternate", "text/html", "This document as HTML"),
                new Link(ServiceLinks.url("/api"), "service-desc", OgcMediaTypes.OPENAPI_JSON_VALUE, "The API definition (OpenAPI 3.0)"),
                new Link(ServiceLinks.url("/api.html"), "service-doc", "text/html", "The API documentation"),
                new Link(ServiceLinks.url("/conformance"), "conformance", "application/json", "Conformance classes implemented"),
                new Link(ServiceLinks.url("/collections"), "data", "application/json", "The feature collections"));
        return ResponseEntity.ok().contentType(type).body(new LandingPage("incident-atlas",
                "Armed-conflict incidents on the Armenia-Azerbaijan border and in the former Nagorno-Karabakh, "
                        + "geocoded from news reports, as OGC API - Features.", links));
    }

    @GetMapping("/conformance")
    @Operation(summary = "Conformance classes the service implements")
    ResponseEntity<Conformance> conformance(HttpServletRequest request,
            @Parameter(description = "Output format: json or html") @RequestParam(name = "f", required = false) String f)
            throws HttpMediaTypeNotAcceptableException {
        MediaType type = RequestFormat.negotiate(request, MediaType.APPLICATION_JSON, OutputFormat.DOCUMENTS);
        return ResponseEntity.ok().contentType(type).body(new Conformance(ConformanceClasses.ALL));
    }
}
