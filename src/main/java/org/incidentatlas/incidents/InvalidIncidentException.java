package org.incidentatlas.incidents;

import java.util.List;
import java.util.stream.Collectors;

import org.incidentatlas.web.FieldError;

/** Submitted incident data breaks the model's rules; nothing was stored. */
public class InvalidIncidentException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidIncidentException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
