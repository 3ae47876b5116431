package org.incidentatlas.incidents;

import java.util.List;

import org.incidentatlas.cql.CqlType;
import org.incidentatlas.cql.Queryable;

/** The incident properties a CQL2 filter may name, with the columns they stand for. */
public final class IncidentQueryables {

    public static final List<Queryable> ALL = List.of(
            Queryable.of("id", CqlType.INTEGER, "id", "Incident id"),
            Queryable.of("geometry", CqlType.GEOMETRY, "geom", "Where it happened (point, line or area)"),
            new Queryable("event_interval", CqlType.INTERVAL, "event_date", "event_last_date",
                    "The days of the event, first to last (for the t_ functions)"),
            Queryable.of("event_date", CqlType.DATE, "event_date", "First day of the event"),
            Queryable.of("event_date_end", CqlType.DATE, "event_date_end", "Last day of an event over several days"),
            Queryable.of("date_precision", CqlType.STRING, "date_precision", "day, week, month or year"),
            Queryable.of("event_type", CqlType.STRING, "event_type", "ACLED event type"),
            Queryable.of("sub_event_type", CqlType.STRING, "sub_event_type", "ACLED sub-event type"),
            Queryable.of("actor1", CqlType.STRING, "actor1", "First actor"),
            Queryable.of("actor2", CqlType.STRING, "actor2", "Second actor"),
            Queryable.of("location_name", CqlType.STRING, "location_name", "Name of the location as reported"),
            Queryable.of("place_id", CqlType.STRING, "place_id", "Gazetteer id of the place"),
            Queryable.of("country", CqlType.STRING, "country", "ISO 3166-1 alpha-3 code"),
            Queryable.of("admin1", CqlType.STRING, "admin1", "First-level administrative unit"),
            Queryable.of("admin2", CqlType.STRING, "admin2", "Second-level administrative unit"),
            Queryable.of("geo_precision", CqlType.INTEGER, "geo_precision", "1 exact place, 2 near or part of a region, 3 province or larger"),
            Queryable.of("location_uncertainty_m", CqlType.INTEGER, "location_uncertainty_m",
                    "Radius in metres of the circle around the point within which the event happened; null: not stated"),
            Queryable.of("fatalities", CqlType.INTEGER, "fatalities", "Best estimate of deaths"),
            Queryable.of("fatalities_low", CqlType.INTEGER, "fatalities_low", "Lowest claimed deaths"),
            Queryable.of("fatalities_high", CqlType.INTEGER, "fatalities_high", "Highest claimed deaths"),
            Queryable.of("injured", CqlType.INTEGER, "injured", "Best estimate of injured"),
            Queryable.of("injured_low", CqlType.INTEGER, "injured_low", "Lowest claimed injured"),
            Queryable.of("injured_high", CqlType.INTEGER, "injured_high", "Highest claimed injured"),
            Queryable.of("notes", CqlType.STRING, "notes", "Free-text notes"),
            Queryable.of("border_distance_m", CqlType.NUMBER, "border_distance_m", "Geodesic distance to the nearest border, metres"),
            Queryable.of("nearest_border", CqlType.STRING, "nearest_border", "Id of the nearest border"),
            Queryable.of("border_side", CqlType.STRING, "border_side", "Country on whose side of the border it lies"),
            Queryable.of("created_at", CqlType.TIMESTAMP, "created_at", "When it was stored"),
            Queryable.of("updated_at", CqlType.TIMESTAMP, "updated_at", "When it was last changed"),
            Queryable.of("version", CqlType.INTEGER, "version", "Version, raised by every change"));

    private IncidentQueryables() {
    }
}
