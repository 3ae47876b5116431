package org.incidentatlas.gazetteer;

/**
 * An analyst's correction of the gazetteer: {@code place} added or put in the place of the
 * committed entry with the same id, or, when {@code place} is null, the committed entry withdrawn.
 * {@code version} counts the corrections of this id (the ETag of the place).
 */
public record PlaceCorrection(String id, Place place, int version) {

    public boolean withdrawn() {
        return place == null;
    }
}
