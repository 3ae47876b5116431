package org.incidentatlas.ingest;

/**
 * One casualty figure in a sentence: killed or injured, the count as low/best/high after its hedge
 * ("at least two" → low 2, best 2; "nearly 50" → best 50, high 50), and whose side the victims were
 * on: an ISO3 code, {@link #CLAIMANT_SIDE} for "its soldiers" (the speaker's own), or null; and
 * who gave it when the sentence names a second speaker for it ("Armenia said three …, and
 * Azerbaijan said two of its soldiers …"), else null (the sentence's attribution).
 */
record Figure(Span span, String text, boolean killed, Integer low, Integer best, Integer high, String side, Attribution speaker) {

    static final String CLAIMANT_SIDE = "claimant";

    Figure(Span span, String text, boolean killed, Integer low, Integer best, Integer high, String side) {
        this(span, text, killed, low, best, high, side, null);
    }

    Figure withSpeaker(Attribution a) {
        return new Figure(span, text, killed, low, best, high, side, a);
    }

    String describe() {
        String hedge = low != null && high == null ? "≥" : high != null && low == null ? "≤" : low == null ? "~" : "";
        return (killed ? "killed " : "injured ") + hedge + best;
    }
}
