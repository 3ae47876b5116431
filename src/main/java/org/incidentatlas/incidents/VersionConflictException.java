package org.incidentatlas.incidents;

/** An update or delete named a version that is no longer the stored one (optimistic locking). */
public class VersionConflictException extends RuntimeException {

    private final int currentVersion;

    public VersionConflictException(long id, int expected, int current) {
        super("incident " + id + " is at version " + current + ", not " + expected);
        this.currentVersion = current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
