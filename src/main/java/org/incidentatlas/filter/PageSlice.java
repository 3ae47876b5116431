package org.incidentatlas.filter;

/**
 * What a streamed page turned out to be: how many rows it held and the cursors of the pages
 * before and after it (null where there are no more rows that way).
 */
public record PageSlice(int returned, PageCursor previous, PageCursor next) {
}
