package org.incidentatlas.ogcapi;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the OGC exception code it answers with. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    public static ApiException badParameter(String description) {
        return new ApiException(HttpStatus.BAD_REQUEST, "InvalidParameterValue", description);
    }

    public static ApiException notFound(String description) {
        return new ApiException(HttpStatus.NOT_FOUND, "NotFound", description);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
