-- Uncertainty as a first-class property: the radius in metres of the circle around the point that
-- holds the place or the event (UCDP GED's where_prec companion). Null: no radius claimed.
ALTER TABLE places ADD COLUMN uncertainty_m integer;
ALTER TABLE incidents ADD COLUMN location_uncertainty_m integer;
ALTER TABLE incidents ADD CONSTRAINT incidents_location_uncertainty_ck
    CHECK (location_uncertainty_m BETWEEN 0 AND 500000);
ALTER TABLE report_events ADD COLUMN location_uncertainty_m integer;
