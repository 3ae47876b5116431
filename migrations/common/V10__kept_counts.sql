-- Counts kept in step with incidents, in the writing transaction, so numberMatched and the
-- low-zoom aggregate tiles read a few hundred rows instead of every matching incident
-- (incidents.CountPlanner decides which questions they answer; the rest are not counted). The
-- tables are the same on both backends; each vendor's V10_1 keeps them (PostgreSQL: statement
-- triggers; H2: a Java row trigger) and fills them from what is stored.
--
-- incident_cells: incidents per Web Mercator quadtree cell (levels 7, 9, 11, 13, 15) and event
-- type, by the interior point of the geometry, with their fatalities and the sums of their Mercator
-- x / y (the centroid an aggregate tile draws). A cell of level L is the tile of zoom L, so a
-- tile's 16 x 16 aggregate cells at zoom z are unions of the cells of any stored level >= z + 4.
CREATE TABLE incident_cells (
    level       smallint         NOT NULL,
    cx          integer          NOT NULL,
    cy          integer          NOT NULL,
    event_type  varchar(64)      NOT NULL,
    incidents   bigint           NOT NULL,
    fatalities  bigint           NOT NULL,
    sum_x       double precision NOT NULL,
    sum_y       double precision NOT NULL,
    PRIMARY KEY (level, cx, cy, event_type)
);
-- a strip a few cells tall reads its rows through this index; a few cells wide, through the key
CREATE INDEX incident_cells_row_idx ON incident_cells (level, cy, cx);

-- incident_days: per day, event type and country ('' for none), how many incidents start
-- (event_date) and end (event_last_date) that day. The incidents overlapping [s, e] are those
-- starting on or before e less those ending before s: two prefix sums.
CREATE TABLE incident_days (
    event_day         date        NOT NULL,
    event_type  varchar(64) NOT NULL,
    country     varchar(3)  NOT NULL,
    starts      bigint      NOT NULL,
    ends        bigint      NOT NULL,
    PRIMARY KEY (event_day, event_type, country)
);
