-- PostGIS must exist before any geometry column. IF NOT EXISTS lets a DBA pre-create it
-- (the service's role then needs no superuser rights).
CREATE EXTENSION IF NOT EXISTS postgis;
