-- Country polygons (point-in-country for border_side) and the border metrics of incidents.
-- Mirrors the PostGIS migration of the same version.

CREATE TABLE countries (
    iso3     CHAR(3)      PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    geom     GEOMETRY(MULTIPOLYGON, 4326) NOT NULL,
    source   VARCHAR(1000),
    vintage  VARCHAR(100)
);
CREATE SPATIAL INDEX countries_geom_gix ON countries (geom);

ALTER TABLE incidents ADD COLUMN border_distance_m DOUBLE PRECISION;
ALTER TABLE incidents ADD COLUMN nearest_border VARCHAR(100);
ALTER TABLE incidents ADD COLUMN nearest_border_point GEOMETRY(POINT, 4326);
ALTER TABLE incidents ADD COLUMN border_side CHAR(3);
ALTER TABLE incidents ADD COLUMN border_distance_key DOUBLE PRECISION
    GENERATED ALWAYS AS (COALESCE(border_distance_m, 1e15));
CREATE INDEX incidents_border_distance_idx ON incidents (border_distance_key, id);
CREATE INDEX incidents_nearest_border_idx ON incidents (nearest_border);

CREATE TABLE incident_border_distances (
    border_id    VARCHAR(100)     NOT NULL,
    incident_id  BIGINT           NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    distance_m   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (border_id, incident_id)
);
CREATE INDEX incident_border_distances_idx ON incident_border_distances (border_id, distance_m, incident_id);
CREATE INDEX incident_border_distances_incident_idx ON incident_border_distances (incident_id);
