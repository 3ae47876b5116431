-- Analysts' corrections of the gazetteer: a place added or replaced (all columns), or a committed
-- place withdrawn (deleted = true, only the id). The committed place files are reloaded at
-- start-up; these rows are laid over them, so a restart keeps every correction.
CREATE TABLE place_corrections (
    id            varchar(100) PRIMARY KEY,
    deleted       boolean      NOT NULL DEFAULT false,
    name          varchar(300),
    feature_type  varchar(40),
    country       char(3),
    admin1        varchar(200),
    admin2        varchar(200),
    geom          GEOMETRY(GEOMETRY, 4326),
    point         GEOMETRY(POINT, 4326),
    population    bigint,
    alt_names     JSON         NOT NULL DEFAULT JSON '[]',
    source        varchar(1000),
    uncertainty_m integer,
    version       integer      NOT NULL DEFAULT 1,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT place_corrections_complete_ck CHECK (deleted OR (name IS NOT NULL AND feature_type IS NOT NULL
        AND geom IS NOT NULL AND point IS NOT NULL AND source IS NOT NULL))
);
