package org.incidentatlas.incidents;

import java.util.List;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;

/** How {@link CountPlanner} answers "how many incidents match" for one filter: which kept counts, or none. */
public sealed interface CountPlan {

    /** Every incident, or every one of an event type: the coarsest level of incident_cells. */
    record Totals(String eventType) implements CountPlan {
    }

    /** A date range and / or event type and country: prefix sums of incident_days. */
    record Days(DateRange dates, String eventType, String country) implements CountPlan {
    }

    /** A bbox (and an event type): cells wholly inside summed, the boundary strips counted through the spatial index. */
    record Cells(BoundingBox box, CellCover cover, String eventType) implements CountPlan {
    }

    /** Within N m of named borders: the distance bands (incidents.BorderDistanceTable). */
    record BorderBands(List<String> borders, double maxDistanceM) implements CountPlan {
    }

    /** No exact count without walking every match: numberMatched is left out (OGC API Features allows it). */
    record Omitted(String why) implements CountPlan {
    }
}
