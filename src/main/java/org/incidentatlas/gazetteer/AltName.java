package org.incidentatlas.gazetteer;

/**
 * Another name of a place: {@code lang} is a BCP 47-like tag ({@code hy}, {@code ru}, {@code az},
 * {@code az-Cyrl}, {@code en} for other Latin transliterations) or {@code other} for historic or
 * other-side names.
 */
public record AltName(String lang, String name) {
}
