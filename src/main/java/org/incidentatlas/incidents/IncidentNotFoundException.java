package org.incidentatlas.incidents;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("incident " + id + " does not exist");
    }
}
