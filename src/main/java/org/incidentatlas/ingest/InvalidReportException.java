package org.incidentatlas.ingest;

import java.util.List;

import org.incidentatlas.web.FieldError;


/** A report that cannot be ingested as sent (nothing was stored); {@code tooLarge} when only its size is wrong. */
public class InvalidReportException extends RuntimeException {

    private final boolean tooLarge;
    private final transient List<FieldError> errors;

    public InvalidReportException(boolean tooLarge, List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(java.util.stream.Collectors.joining("; ")));
        this.tooLarge = tooLarge;
        this.errors = List.copyOf(errors);
    }

    public static InvalidReportException of(String field, String message) {
        return new InvalidReportException(false, List.of(new FieldError(field, message)));
    }

    public boolean tooLarge() {
        return tooLarge;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
