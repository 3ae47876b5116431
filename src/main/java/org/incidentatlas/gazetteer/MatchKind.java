package org.incidentatlas.gazetteer;

import java.util.Locale;

/** How a candidate's name matched the query: the whole name exactly, the whole name within a few edits, or only part of it. */
public enum MatchKind {
    /** Every name word of the query is a name of the place, after normalisation. */
    EXACT,
    /** The whole name, within a few edits: a typo or another spelling, or another place. */
    FUZZY,
    /** A name of the place matched only some of the query's words ("Paruyr Sevak" → Sevan). */
    PARTIAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
