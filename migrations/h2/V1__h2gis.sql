-- Registers the H2GIS spatial functions (ST_*, spatial index support) in this database.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR 'org.h2gis.functions.factory.H2GISFunctions.load';
CALL H2GIS_SPATIAL();
