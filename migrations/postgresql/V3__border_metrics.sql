-- Country polygons (point-in-country for border_side) and the border metrics of incidents.

CREATE TABLE countries (
    iso3     char(3)      PRIMARY KEY,
    name     varchar(200) NOT NULL,
    geom     geometry(MultiPolygon, 4326) NOT NULL,
    source   varchar(1000),
    vintage  varchar(100)
);
CREATE INDEX countries_geom_gix ON countries USING gist (geom);

-- Computed on every write and whenever borders change (see BorderMetricsJob).
ALTER TABLE incidents ADD COLUMN border_distance_m double precision;
ALTER TABLE incidents ADD COLUMN nearest_border varchar(100);
ALTER TABLE incidents ADD COLUMN nearest_border_point geometry(Point, 4326);
ALTER TABLE incidents ADD COLUMN border_side char(3);
-- Sorting by distance puts incidents without metrics last; keyset paging needs a non-null key.
ALTER TABLE incidents ADD COLUMN border_distance_key double precision
    GENERATED ALWAYS AS (coalesce(border_distance_m, 1e15)) STORED;
CREATE INDEX incidents_border_distance_idx ON incidents (border_distance_key, id);
CREATE INDEX incidents_nearest_border_idx ON incidents (nearest_border);

-- Distance from each incident to every border within 250 km, for "within N m of border X".
CREATE TABLE incident_border_distances (
    border_id    varchar(100)     NOT NULL,
    incident_id  bigint           NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    distance_m   double precision NOT NULL,
    PRIMARY KEY (border_id, incident_id)
);
CREATE INDEX incident_border_distances_idx ON incident_border_distances (border_id, distance_m, incident_id);
CREATE INDEX incident_border_distances_incident_idx ON incident_border_distances (incident_id);
