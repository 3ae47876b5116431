package org.incidentatlas.gazetteer;

import java.util.List;
import java.util.Set;

/**
 * The area a query's answer must lie in: the country it asks for, within {@value #NEAR_AREA_M} m
 * of its {@code near} point, in a country its context names, and in an admin unit its context
 * names or within {@value #NEAR_AREA_M} m of a place it names. A fuzzy or partial match must lie
 * inside. An exact match is held to the country and {@code near}, and must also lie in a named
 * admin unit when its own is known (named places can be far apart) unless the query asked for its
 * kind of feature: "the Zangilan direction" seen from Syunik lies across the border by nature.
 * The places merely mentioned alongside (a report's other names) confine only fuzzy matches, and
 * only when nothing more specific is given.
 */
record ContextArea(String country, double[] near, List<Place> admins, List<Place> places, Set<String> countries,
                   List<Place> mentionedAdmins, List<Place> mentionedPlaces) {

    /** The radius of the area around a point or a named place: about a district's width. */
    static final double NEAR_AREA_M = 50_000;

    boolean admits(Place p, boolean exact, Set<FeatureType> asked, Gazetteer g) {
        if (country != null && !country.equals(p.country())) {
            return false;
        }
        if (near != null && Gazetteer.metres(p, near[0], near[1]) > NEAR_AREA_M) {
            return false;
        }
        if (!countries.isEmpty() && !countries.contains(p.country())) {
            return false;
        }
        if (admins.isEmpty() && places.isEmpty()) {
            boolean unconfined = exact || (mentionedAdmins.isEmpty() && mentionedPlaces.isEmpty());
            return unconfined || g.inAdminUnit(p, mentionedAdmins) || near(p, mentionedPlaces);
        }
        boolean inside = g.inAdminUnit(p, admins) || near(p, places);
        if (exact) {
            return inside || admins.isEmpty() || p.admin1() == null || (!p.type().isSettlement() && asked.contains(p.type()));
        }
        return inside;
    }

    private static boolean near(Place p, List<Place> places) {
        for (Place c : places) {
            if (Gazetteer.metres(p, c.lon(), c.lat()) <= NEAR_AREA_M) {
                return true;
            }
        }
        return false;
    }
}
