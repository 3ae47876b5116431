package org.incidentatlas.incidents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.incidentatlas.web.FieldError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.stereotype.Component;

/**
 * The rules every stored incident obeys, checked before anything is written. Field names in the
 * errors are those of the GeoJSON representation, so a client can find what to fix.
 */
@Component
public class IncidentValidator {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public void check(IncidentData data) {
        List<FieldError> errors = problems(data);
        if (!errors.isEmpty()) {
            throw new InvalidIncidentException(errors);
        }
    }

    public List<FieldError> problems(IncidentData d) {
        List<FieldError> errors = new ArrayList<>();
        checkDates(d, errors);
        checkEventType(d, errors);
        checkLocation(d.location(), errors);
        checkCasualties("fatalities", d.fatalities(), errors);
        checkCasualties("injured", d.injured(), errors);
        checkSourcesAndClaims(d, errors);
        if (d.confidence() != null && !(d.confidence() >= 0 && d.confidence() <= 1)) {
            errors.add(new FieldError("properties.confidence", "is " + d.confidence() + "; must be between 0 and 1"));
        }
        maxLength("properties.actor1", d.actor1(), 200, errors);
        maxLength("properties.actor2", d.actor2(), 200, errors);
        maxLength("properties.notes", d.notes(), 20_000, errors);
        return errors;
    }

    private static void checkDates(IncidentData d, List<FieldError> errors) {
        if (d.eventDate() == null) {
            errors.add(new FieldError("properties.event_date", "is required (ISO date, e.g. 2022-09-13)"));
        } else if (d.eventDateEnd() != null && d.eventDateEnd().isBefore(d.eventDate())) {
            errors.add(new FieldError("properties.event_date_end", "is before event_date"));
        }
        if (d.datePrecision() == null) {
            errors.add(new FieldError("properties.date_precision", "is required: day, week, month or year"));
        }
    }

    private static void checkEventType(IncidentData d, List<FieldError> errors) {
        if (d.eventType() == null) {
            errors.add(new FieldError("properties.event_type", "is required, one of " + EventTaxonomy.eventTypes()));
        } else if (!EventTaxonomy.isEventType(d.eventType())) {
            errors.add(new FieldError("properties.event_type",
                    "'" + d.eventType() + "' is not one of " + EventTaxonomy.eventTypes()));
        } else if (d.subEventType() != null && !EventTaxonomy.isSubEventTypeOf(d.eventType(), d.subEventType())) {
            errors.add(new FieldError("properties.sub_event_type", "'" + d.subEventType() + "' is not a sub-event type of '"
                    + d.eventType() + "'; allowed: " + EventTaxonomy.subEventTypes(d.eventType())));
        }
    }

    private static void checkLocation(IncidentLocation loc, List<FieldError> errors) {
        if (loc == null || loc.geometry() == null) {
            errors.add(new FieldError("geometry", "is required"));
            return;
        }
        Geometry g = loc.geometry();
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            errors.add(new FieldError("geometry", "GeometryCollection is not supported; use a (Multi)Point, (Multi)LineString or (Multi)Polygon"));
        } else if (g.isEmpty()) {
            errors.add(new FieldError("geometry", "is empty"));
        } else {
            for (Coordinate c : g.getCoordinates()) {
                if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                    errors.add(new FieldError("geometry", "position [" + c.x + ", " + c.y
                            + "] is outside WGS 84 bounds (longitude -180..180, latitude -90..90; GeoJSON order is longitude, latitude)"));
                    return;
                }
            }
            IsValidOp validity = new IsValidOp(g);
            if (!validity.isValid()) {
                errors.add(new FieldError("geometry", "is not valid: " + validity.getValidationError().getMessage()
                        + " at " + validity.getValidationError().getCoordinate()));
            }
        }
        if (loc.geoPrecision() < 1 || loc.geoPrecision() > 3) {
            errors.add(new FieldError("properties.geo_precision",
                    "must be 1 (exact place), 2 (near or part of a region) or 3 (province or larger)"));
        }
        if (loc.uncertaintyM() != null && (loc.uncertaintyM() < 0 || loc.uncertaintyM() > IncidentLocation.MAX_UNCERTAINTY_M)) {
            errors.add(new FieldError("properties.location_uncertainty_m",
                    "must be a radius in metres from 0 to " + IncidentLocation.MAX_UNCERTAINTY_M + "; got " + loc.uncertaintyM()));
        }
        if (loc.country() != null && !ISO3.contains(loc.country())) {
            errors.add(new FieldError("properties.country", "'" + loc.country() + "' is not an ISO 3166-1 alpha-3 code (e.g. ARM, AZE)"));
        }
        maxLength("properties.location_name", loc.name(), 300, errors);
        maxLength("properties.place_id", loc.placeId(), 100, errors);
        maxLength("properties.admin1", loc.admin1(), 200, errors);
        maxLength("properties.admin2", loc.admin2(), 200, errors);
    }

    private static void checkCasualties(String name, Casualties c, List<FieldError> errors) {
        String field = "properties." + name;
        nonNegative(field, c.best(), errors);
        nonNegative(field + "_low", c.low(), errors);
        nonNegative(field + "_high", c.high(), errors);
        if (c.low() != null && c.best() != null && c.low() > c.best()) {
            errors.add(new FieldError(field + "_low", "is " + c.low() + ", above the best estimate " + c.best()));
        }
        if (c.high() != null && c.best() != null && c.high() < c.best()) {
            errors.add(new FieldError(field + "_high", "is " + c.high() + ", below the best estimate " + c.best()));
        }
        if (c.low() != null && c.high() != null && c.low() > c.high()) {
            errors.add(new FieldError(field + "_low", "is " + c.low() + ", above " + name + "_high " + c.high()));
        }
    }

    private static void checkSourcesAndClaims(IncidentData d, List<FieldError> errors) {
        Set<String> sourceIds = new HashSet<>();
        for (int i = 0; i < d.sources().size(); i++) {
            SourceRef s = d.sources().get(i);
            String field = "properties.sources[" + i + "]";
            if (s.id() == null || s.id().isBlank()) {
                errors.add(new FieldError(field + ".id", "is required"));
            } else if (!sourceIds.add(s.id())) {
                errors.add(new FieldError(field + ".id", "'" + s.id() + "' appears twice"));
            }
        }
        for (int i = 0; i < d.claims().size(); i++) {
            Claim c = d.claims().get(i);
            String field = "properties.claims[" + i + "]";
            if (c.claimant() == null || c.claimant().isBlank()) {
                errors.add(new FieldError(field + ".claimant", "is required"));
            }
            if (c.side() != null && !ISO3.contains(c.side())) {
                errors.add(new FieldError(field + ".side", "'" + c.side()
                        + "' is not an ISO 3166-1 alpha-3 code (the country whose losses the figures count, e.g. ARM)"));
            }
            nonNegative(field + ".fatalities", c.fatalities(), errors);
            nonNegative(field + ".injured", c.injured(), errors);
            if (c.source() != null && !sourceIds.contains(c.source())) {
                errors.add(new FieldError(field + ".source", "'" + c.source() + "' is not the id of one of the incident's sources"));
            }
        }
    }

    private static void nonNegative(String field, Integer value, List<FieldError> errors) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "is " + value + "; must not be negative"));
        }
    }

    private static void maxLength(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
    }
}
