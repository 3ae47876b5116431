-- Ellipsoidal distance for "near=lon,lat&radius=m" on H2 (PostGIS uses its geography type instead).
CREATE ALIAS IF NOT EXISTS ATLAS_GEODESIC_DISTANCE FOR 'org.incidentatlas.storage.H2Functions.geodesicDistance';
