-- A point's coordinates as columns, null for any other geometry, as on PostgreSQL (V15_1 there), where the bbox
-- count reads its boundary strips from an index on them. H2 counts its strips by its spatial index and does not
-- read these; they are here so that both backends keep one schema.
ALTER TABLE incidents ADD COLUMN point_lon DOUBLE PRECISION
    GENERATED ALWAYS AS (CASE WHEN ST_GeometryType(geom) = 'POINT' THEN ST_X(geom) END);
ALTER TABLE incidents ADD COLUMN point_lat DOUBLE PRECISION
    GENERATED ALWAYS AS (CASE WHEN ST_GeometryType(geom) = 'POINT' THEN ST_Y(geom) END);
