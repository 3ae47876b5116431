package org.incidentatlas.gazetteer;

/** A correction that cannot be made as asked; nothing was stored. */
public class PlaceCorrectionException extends RuntimeException {

    /** Why: the id is taken (POST), there is no such place, or If-Match names an older version. */
    public enum Reason { DUPLICATE_ID, NOT_FOUND, STALE_VERSION }

    private final Reason reason;

    public PlaceCorrectionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
