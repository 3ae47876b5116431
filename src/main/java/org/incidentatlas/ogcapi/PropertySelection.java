package org.incidentatlas.ogcapi;

import java.util.List;
import java.util.Set;

import org.incidentatlas.web.ApiException;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.filter.FilteringGeneratorDelegate;
import tools.jackson.core.filter.TokenFilter;

/**
 * The {@code properties=a,b} parameter: features keep their id, geometry and links, and only the
 * named members of "properties". Applied as a filtering generator around the feature writer, so
 * the writers stay as they are and the output still streams.
 */
final class PropertySelection {

    private PropertySelection() {
    }

    /** The selected names, or null for all. */
    static List<String> parse(String value) {
        if (value == null) {
            return null;
        }
        List<String> names = List.of(value.split(",", -1)).stream().map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw ApiException.badParameter("properties must be property names separated by commas; got '" + value + "'");
        }
        return names;
    }

    /** Fails (400) when a name is not a property of the collection's features. */
    static void check(List<String> selected, Set<String> available, String collection) {
        if (selected == null) {
            return;
        }
        List<String> unknown = selected.stream().filter(n -> !available.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badParameter("properties " + unknown + " are not properties of '" + collection
                    + "'; they are " + available.stream().sorted().toList());
        }
    }

    /** A generator that writes features with only the selected properties ({@code g} itself when all are wanted). */
    static JsonGenerator filter(JsonGenerator g, List<String> selected) {
        if (selected == null) {
            return g;
        }
        Set<String> wanted = Set.copyOf(selected);
        TokenFilter inProperties = new TokenFilter() {
            @Override
            public TokenFilter includeProperty(String name) {
                return wanted.contains(name) ? TokenFilter.INCLUDE_ALL : null;
            }

            @Override
            public boolean includeEmptyObject(boolean contentsFiltered) {
                return true;
            }
        };
        TokenFilter feature = new TokenFilter() {
            @Override
            public TokenFilter includeProperty(String name) {
                return name.equals("properties") ? inProperties : TokenFilter.INCLUDE_ALL;
            }

            @Override
            public boolean includeEmptyObject(boolean contentsFiltered) {
                return true;
            }
        };
        return new FilteringGeneratorDelegate(g, feature, TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true);
    }
}
