-- Core schema of incident-atlas on PostgreSQL/PostGIS.
-- Geometries are stored in WGS 84 (EPSG:4326, longitude/latitude). Metre-based questions use a
-- geography cast, backed by the expression indexes below.

CREATE TABLE incidents (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_date       date        NOT NULL,
    event_date_end   date,
    -- last day of the event: time filters test [event_date, event_last_date]
    event_last_date  date GENERATED ALWAYS AS (coalesce(event_date_end, event_date)) STORED,
    date_precision   varchar(5)  NOT NULL,
    event_type       varchar(64) NOT NULL,
    sub_event_type   varchar(64),
    actor1           varchar(200),
    actor2           varchar(200),
    geom             geometry(Geometry, 4326) NOT NULL,
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
    claims           jsonb       NOT NULL DEFAULT '[]'::jsonb,
    sources          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    notes            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1,
    CONSTRAINT incidents_date_precision_ck CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    CONSTRAINT incidents_date_order_ck CHECK (event_date_end IS NULL OR event_date_end >= event_date),
    CONSTRAINT incidents_geo_precision_ck CHECK (geo_precision BETWEEN 1 AND 3),
    CONSTRAINT incidents_fatalities_ck CHECK (
        fatalities_low >= 0 AND fatalities_low <= fatalities AND fatalities <= fatalities_high),
    CONSTRAINT incidents_injured_ck CHECK (
        injured_low >= 0 AND injured_low <= injured AND injured <= injured_high),
    CONSTRAINT incidents_country_ck CHECK (country ~ '^[A-Z]{3}$')
);

CREATE INDEX incidents_geom_gix ON incidents USING gist (geom);
CREATE INDEX incidents_geog_gix ON incidents USING gist ((geom::geography));
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
    geom          geometry(Geometry, 4326) NOT NULL,
    point         geometry(Point, 4326)    NOT NULL,
    population    bigint,
    alt_names     jsonb        NOT NULL DEFAULT '[]'::jsonb,
    source        varchar(1000) NOT NULL
);
CREATE INDEX places_geom_gix ON places USING gist (geom);
CREATE INDEX places_point_gix ON places USING gist (point);

-- Named boundary lines with the two countries they separate, and analysts' custom layers.
CREATE TABLE borders (
    id            varchar(100) PRIMARY KEY,
    name          varchar(300) NOT NULL,
    kind          varchar(40)  NOT NULL DEFAULT 'international',
    country_a     char(3),
    country_b     char(3),
    geom          geometry(Geometry, 4326) NOT NULL,
    source        varchar(1000),
    vintage       varchar(100),
    valid_from    date,
    valid_to      date,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX borders_geom_gix ON borders USING gist (geom);

-- Ingested articles; the digest makes re-posting the same text idempotent.
CREATE TABLE reports (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_sha256 char(64)     NOT NULL UNIQUE,
    title          varchar(1000),
    url            varchar(2000),
    outlet         varchar(300),
    published_at   timestamptz,
    language       varchar(16),
    body           text         NOT NULL,
    received_at    timestamptz  NOT NULL DEFAULT now()
);

-- Which committed data sets (demo incidents, places, borders) have been loaded, so a start-up
-- load happens once and not again after users delete the rows.
CREATE TABLE dataset_loads (
    dataset    varchar(100) PRIMARY KEY,
    version    varchar(100) NOT NULL,
    loaded_at  timestamptz  NOT NULL DEFAULT now()
);
