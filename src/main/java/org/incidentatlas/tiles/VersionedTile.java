package org.incidentatlas.tiles;

/**
 * A tile and the data version it was drawn at (its ETag); no body when the version is the one the
 * client already holds, so nothing was drawn.
 */
record VersionedTile(long version, byte[] body) {

    static VersionedTile notModified(long version) {
        return new VersionedTile(version, null);
    }

    boolean modified() {
        return body != null;
    }
}
