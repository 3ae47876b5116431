package org.incidentatlas.storage;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * The database refused a value the request brought (SQLSTATE class 22, data exception: a numeric
 * overflow, a division by zero, a string too long): the client's input, not the server, is at fault.
 */
public class InvalidValueException extends NonTransientDataAccessException {

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
