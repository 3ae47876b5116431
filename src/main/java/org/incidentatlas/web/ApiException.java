package org.incidentatlas.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the OGC exception code it answers with. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<FieldError> errors;

    public ApiException(HttpStatus status, String code, String description) {
        this(status, code, description, List.of());
    }

    public ApiException(HttpStatus status, String code, String description, List<FieldError> errors) {
        super(description);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Submitted data that breaks the rules, with every offending field; nothing was stored. */
    public static ApiException unprocessable(String what, List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid" + what, "the " + what.toLowerCase(Locale.ROOT)
                + " was not stored: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")), errors);
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

    public List<FieldError> errors() {
        return errors;
    }
}
