package org.incidentatlas.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error response: an OGC-style exception code, a description, and field errors where there are some. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String description, List<FieldError> errors) {

    public ApiError(String code, String description) {
        this(code, description, List.of());
    }
}
