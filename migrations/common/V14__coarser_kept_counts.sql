-- Coarser sums of the counts of V10, kept in step with them (each vendor's V14_1), so that a count reads a
-- few hundred rows where it read thousands (incidents.KeptCounts):
--
-- incident_months: incident_days summed per calendar month (event_month is the month's first day). A datetime
-- count's prefix sums read whole months here and only the days of the month its bound falls in.
CREATE TABLE incident_months (
    event_month date        NOT NULL,
    event_type  varchar(64) NOT NULL,
    country     varchar(3)  NOT NULL,
    starts      bigint      NOT NULL,
    ends        bigint      NOT NULL,
    PRIMARY KEY (event_month, event_type, country)
);

-- incident_cell_totals: incident_cells summed over event types, for a bbox count with no type filter (a sixth
-- of the rows with the six event types).
CREATE TABLE incident_cell_totals (
    level     smallint NOT NULL,
    cx        integer  NOT NULL,
    cy        integer  NOT NULL,
    incidents bigint   NOT NULL,
    PRIMARY KEY (level, cx, cy)
);
-- as incident_cells_row_idx: a run along a row of cells reads through this, one along a column through the key
CREATE INDEX incident_cell_totals_row_idx ON incident_cell_totals (level, cy, cx);
