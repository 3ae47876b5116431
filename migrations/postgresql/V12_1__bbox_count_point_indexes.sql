-- A bbox count (incidents.KeptCounts) sums the kept cells wholly inside the box and counts the
-- incidents in the thin boundary strips one by one. Through the GiST index that cost a table page
-- visit per point (4,600 points on 4,200 pages for a box edge across a dense cluster, 0.6-1 s at
-- 1M incidents): these covering indexes answer the points of a strip from the index alone, by a
-- latitude range for the strips along the box's north and south edges and a longitude range for
-- the west and east ones. Everything else (multipoints, lines, areas) has its own spatial index,
-- which replaces the one for lines and areas of V10.
-- The coordinates of a point, null for any other geometry: ST_X / ST_Y fail on those, and a plan
-- may test a row's coordinates before its type.
CREATE FUNCTION atlas_point_x(geom geometry) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN GeometryType(geom) = 'POINT' THEN ST_X(geom) END $$;
CREATE FUNCTION atlas_point_y(geom geometry) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN GeometryType(geom) = 'POINT' THEN ST_Y(geom) END $$;
CREATE INDEX incidents_point_lat_idx ON incidents (atlas_point_y(geom), atlas_point_x(geom)) INCLUDE (event_type, geom)
    WHERE GeometryType(geom) = 'POINT';
CREATE INDEX incidents_point_lon_idx ON incidents (atlas_point_x(geom), atlas_point_y(geom)) INCLUDE (event_type, geom)
    WHERE GeometryType(geom) = 'POINT';
DROP INDEX incidents_area_gix;
CREATE INDEX incidents_shape_gix ON incidents USING gist (geom) WHERE GeometryType(geom) <> 'POINT';
-- Without statistics on the geometry type the planner guesses that nearly every row is not a point
-- and plans a parallel scan of the table for the few that are not.
CREATE STATISTICS incidents_geometry_type_stats ON (GeometryType(geom)) FROM incidents;
ANALYZE incidents;
