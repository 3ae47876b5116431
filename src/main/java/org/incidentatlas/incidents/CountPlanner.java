package org.incidentatlas.incidents;

import java.util.Optional;

/**
 * The one place that decides how numberMatched is found for a filter. Only counts kept in step with
 * the writes qualify (exact, and cheap at a million incidents); a filter they cannot answer gets
 * {@link CountPlan.Omitted} rather than a scan of every match or an estimate.
 */
public final class CountPlanner {

    private CountPlanner() {
    }

    /** Whether the kept cells sum what {@code f} selects in an area of whole cells: nothing asked but an event type. */
    static boolean cellsAnswer(IncidentFilter f) {
        return f.withBbox(null).equals(IncidentFilter.ALL.withType(f.eventType()));
    }

    /** Whether the kept days count what {@code f} selects per first day: nothing asked but an event type and a country. */
    static boolean daysAnswer(IncidentFilter f) {
        return f.equals(IncidentFilter.ALL.withType(f.eventType()).withCountry(f.country()));
    }

    public static CountPlan plan(IncidentFilter f) {
        if (f.subEventType() != null || f.admin1() != null || f.actor() != null || f.placeId() != null || f.geoPrecision() != null
                || f.near() != null || f.where() != null) {
            return new CountPlan.Omitted("no counts are kept by sub-event type, admin1, actor, place, precision, "
                    + "distance to a point or CQL2 filter");
        }
        if (f.maxBorderDistanceM() != null || f.borders() != null) {
            boolean onlyBorders = f.borders() != null && f.maxBorderDistanceM() != null && f.bbox() == null && f.dates() == null
                    && f.eventType() == null && f.country() == null;
            return onlyBorders ? new CountPlan.BorderBands(f.borders(), f.maxBorderDistanceM())
                    : new CountPlan.Omitted("border distances are counted per named border and alone");
        }
        if (f.bbox() != null) {
            if (f.dates() != null || f.country() != null) {
                return new CountPlan.Omitted("cells are kept per event type, not per day or country");
            }
            Optional<CellCover> cover = CellCover.of(f.bbox());
            return cover.<CountPlan>map(c -> new CountPlan.Cells(f.bbox(), c, f.eventType()))
                    .orElseGet(() -> new CountPlan.Omitted("a bbox across the antimeridian"));
        }
        if (f.dates() == null && f.country() == null) {
            return new CountPlan.Totals(f.eventType());
        }
        return new CountPlan.Days(f.dates(), f.eventType(), f.country());
    }
}
