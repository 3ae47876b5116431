package org.incidentatlas.cql;

/** A filter that cannot be read or does not fit the collection; the message names the problem. */
public class CqlException extends IllegalArgumentException {

    public CqlException(String message) {
        super(message);
    }

    public CqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
