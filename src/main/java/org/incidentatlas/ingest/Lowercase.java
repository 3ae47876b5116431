package org.incidentatlas.ingest;

/** Lower case that keeps every offset: one char for one char (String#toLowerCase may not, e.g. for "İ"). */
final class Lowercase {

    private Lowercase() {
    }

    static String of(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
