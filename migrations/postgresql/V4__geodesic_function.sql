-- Nothing to add on PostGIS: ST_DWithin on geography measures on the WGS 84 spheroid, backed by
-- the incidents_geog_gix index. The version keeps both backends' migration histories aligned.
SELECT 1;
