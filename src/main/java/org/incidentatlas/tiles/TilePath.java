package org.incidentatlas.tiles;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.ApiException;
import org.springframework.util.NumberUtils;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The variables of a tile's path, as Spring MVC matched them (decoded). Read here rather than as five
 * {@code @PathVariable} arguments: each of those builds a data binder and looks up a converter, a tenth of a
 * small tile's CPU (docs/BENCHMARKS.md, issue 14).
 */
record TilePath(String collectionId, String tileMatrixSetId, int tileMatrix, int tileRow, int tileCol) {

    static TilePath of(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> v = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        // in the order of the path, as Spring converted the arguments: the first bad number is the one named
        int tileMatrix = integer(v, "tileMatrix");
        int tileRow = integer(v, "tileRow");
        int tileCol = integer(v, "tileCol");
        return new TilePath(v.get("collectionId"), v.get("tileMatrixSetId"), tileMatrix, tileRow, tileCol);
    }

    /** By Spring's own text-to-number conversion, so the same paths are taken (e.g. "05") and refused. */
    private static int integer(Map<String, String> variables, String name) {
        String text = variables.get(name);
        try {
            return NumberUtils.parseNumber(text, Integer.class);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("'" + text + "' is not a valid value for " + name);
        }
    }
}
