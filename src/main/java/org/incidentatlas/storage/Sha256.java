package org.incidentatlas.storage;

import java.security.MessageDigest;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/** The one SHA-256 of the service: content keys of reports and versions of the committed data sets. */
public final class Sha256 {

    private Sha256() {
    }

    /** SHA-256 of the parts' bytes in order, as 64 lower-case hex digits. */
    public static String hex(byte[]... parts) {
        MessageDigest sha = DigestUtils.getSha256Digest();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return Hex.encodeHexString(sha.digest());
    }
}
