-- Core schema of incident-atlas on H2 + H2GIS (the embedded default); mirrors the PostGIS schema.
-- Geometries are stored in WGS 84 (EPSG:4326, longitude/latitude). H2 has no geography type:
-- metre-based questions are answered in Java on the candidates an envelope query returns.

CREATE TABLE incidents (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_date       date        NOT NULL,
    event_date_end   date,
    -- last day of the event: time filters test [event_date, event_last_date]
    event_last_date  DATE GENERATED ALWAYS AS (COALESCE(event_date_end, event_date)),
    date_precision   varchar(5)  NOT NULL,
    event_type       varchar(64) NOT NULL,
    sub_event_type   varchar(64),
    actor1           varchar(200),
    actor2           varchar(200),
    geom             GEOMETRY(GEOMETRY, 4326) NOT NULL,
    location_name    varchar(300),
    place_id         varchar(100),
    country          char(3),
    admin1           varchar(200),
    admin2           varchar(200),
    geo_precision    smallint    NOT NULL,
    fatalities       integer,
    fatalities_low   integer,
    fatalities_high  integer,
    injured          integer,
    injured_low      integer,
    injured_high     integer,
    claims           JSON        NOT NULL DEFAULT JSON '[]',
    sources          JSON        NOT NULL DEFAULT JSON '[]',
    notes            CHARACTER LARGE OBJECT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version          integer     NOT NULL DEFAULT 1,
    CONSTRAINT incidents_date_precision_ck CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    CONSTRAINT incidents_date_order_ck CHECK (event_date_end IS NULL OR event_date_end >= event_date),
    CONSTRAINT incidents_geo_precision_ck CHECK (geo_precision BETWEEN 1 AND 3),
    CONSTRAINT incidents_fatalities_ck CHECK (
        fatalities_low >= 0 AND fatalities_low <= fatalities AND fatalities <= fatalities_high),
    CONSTRAINT incidents_injured_ck CHECK (
        injured_low >= 0 AND injured_low <= injured AND injured <= injured_high),
    CONSTRAINT incidents_country_ck CHECK (REGEXP_LIKE(country, '^[A-Z]{3}$'))
);

CREATE SPATIAL INDEX incidents_geom_gix ON incidents (geom);
CREATE INDEX incidents_event_date_idx ON incidents (event_date);
CREATE INDEX incidents_event_last_date_idx ON incidents (event_last_date);
CREATE INDEX incidents_event_type_idx ON incidents (event_type);
CREATE INDEX incidents_country_idx ON incidents (country);
CREATE INDEX incidents_place_idx ON incidents (place_id);

-- Gazetteer entries (filled by the gazetteer data load).
CREATE TABLE places (
    id            varchar(100) PRIMARY KEY,
    name          varchar(300) NOT NULL,
    feature_type  varchar(40)  NOT NULL,
    country       char(3),
    admin1        varchar(200),
    admin2        varchar(200),
    geom          GEOMETRY(GEOMETRY, 4326) NOT NULL,
    point         GEOMETRY(POINT, 4326) NOT NULL,
    population    bigint,
    alt_names     JSON         NOT NULL DEFAULT JSON '[]',
    source        varchar(1000) NOT NULL
);
CREATE SPATIAL INDEX places_geom_gix ON places (geom);
CREATE SPATIAL INDEX places_point_gix ON places (point);

-- Named boundary lines with the two countries they separate, and analysts' custom layers.
CREATE TABLE borders (
    id            varchar(100) PRIMARY KEY,
    name          varchar(300) NOT NULL,
    kind          varchar(40)  NOT NULL DEFAULT 'international',
    country_a     char(3),
    country_b     char(3),
    geom          GEOMETRY(GEOMETRY, 4326) NOT NULL,
    source        varchar(1000),
    vintage       varchar(100),
    valid_from    date,
    valid_to      date,
    created_at    TIMESTAMP WITH TIME ZONE  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMP WITH TIME ZONE  NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE SPATIAL INDEX borders_geom_gix ON borders (geom);

-- Ingested articles; the digest makes re-posting the same text idempotent.
CREATE TABLE reports (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_sha256 char(64)     NOT NULL UNIQUE,
    title          varchar(1000),
    url            varchar(2000),
    outlet         varchar(300),
    published_at   TIMESTAMP WITH TIME ZONE,
    language       varchar(16),
    body           CHARACTER LARGE OBJECT NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE  NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Which committed data sets (demo incidents, places, borders) have been loaded, so a start-up
-- load happens once and not again after users delete the rows.
CREATE TABLE dataset_loads (
    dataset    varchar(100) PRIMARY KEY,
    version    varchar(100) NOT NULL,
    loaded_at  TIMESTAMP WITH TIME ZONE  NOT NULL DEFAULT CURRENT_TIMESTAMP
);
