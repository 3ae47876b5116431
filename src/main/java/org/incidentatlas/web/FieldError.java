package org.incidentatlas.web;

/** One problem with submitted data, naming the field as the client wrote it (e.g. {@code properties.fatalities_low}). */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
