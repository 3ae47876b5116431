package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.cql.Cql2JsonParser;
import org.incidentatlas.cql.Cql2TextParser;
import org.incidentatlas.cql.CqlException;
import org.incidentatlas.cql.Expression;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.web.ApiException;

/**
 * The Part 3 parameters {@code filter}, {@code filter-lang} and {@code filter-crs}: reads the
 * filter in either encoding, with geometry literals brought from filter-crs to storage CRS84.
 */
final class FilterParameters {

    static final String CQL2_TEXT = "cql2-text";
    static final String CQL2_JSON = "cql2-json";

    private FilterParameters() {
    }

    /** The filter, or null when there is none; a 400 naming the problem when it cannot be read. */
    static Expression parse(String filter, String lang, String filterCrs, CrsRegistry registry, FilterLimits limits) {
        if (filter == null) {
            if (lang != null || filterCrs != null) {
                throw ApiException.badParameter("filter-lang and filter-crs go with a filter parameter");
            }
            return null;
        }
        SupportedCrs crs = registry.resolve("filter-crs", filterCrs);
        String language = lang == null ? CQL2_TEXT : lang;
        try {
            return switch (language) {
                case CQL2_TEXT -> new Cql2TextParser(crs::toStorage, limits, crs.latitudeFirst()).parse(filter);
                case CQL2_JSON -> new Cql2JsonParser(crs::toStorage, limits, crs.latitudeFirst()).parse(filter);
                default -> throw ApiException.badParameter("filter-lang '" + lang + "' is not supported; use one of "
                        + List.of(CQL2_TEXT, CQL2_JSON));
            };
        } catch (CqlException e) {
            throw invalid(e);
        } catch (IllegalArgumentException e) {
            // a literal that cannot be brought from filter-crs to longitude/latitude
            throw ApiException.badParameter("filter: " + e.getMessage());
        }
    }

    static ApiException invalid(CqlException e) {
        return ApiException.badParameter("filter: " + e.getMessage());
    }
}
