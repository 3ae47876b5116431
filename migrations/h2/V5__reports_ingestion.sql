-- Report ingestion (issue 5): review state of incidents, what extraction found in each report,
-- and the provenance linking incidents to the reports and character spans they were read from.

-- Hand-coded incidents are an analyst's work: reviewed. The pipeline writes 'extracted'.
ALTER TABLE incidents ADD COLUMN status varchar(10) NOT NULL DEFAULT 'reviewed';
ALTER TABLE incidents ADD COLUMN confidence double precision;
ALTER TABLE incidents ADD CONSTRAINT incidents_status_ck CHECK (status IN ('extracted', 'reviewed', 'rejected'));
ALTER TABLE incidents ADD CONSTRAINT incidents_confidence_ck CHECK (confidence >= 0 AND confidence <= 1);
CREATE INDEX incidents_status_idx ON incidents (status);

-- Every stretch of a report extraction recognised (places, dates, actors, claimants, figures, events).
CREATE TABLE report_mentions (
    report_id   bigint        NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq         integer       NOT NULL,
    kind        varchar(16)   NOT NULL,
    span_start  integer       NOT NULL,
    span_end    integer       NOT NULL,
    text        varchar(2000) NOT NULL,
    resolved    varchar(300),
    PRIMARY KEY (report_id, seq),
    CONSTRAINT report_mentions_span_ck CHECK (span_start >= 0 AND span_end >= span_start)
);

-- One report's account of one event: the input of fusion and the provenance of the incident it
-- was fused into (incident_id; null once an analyst deleted that incident).
CREATE TABLE report_events (
    report_id        bigint       NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq              integer      NOT NULL,
    incident_id      bigint       REFERENCES incidents (id) ON DELETE SET NULL,
    event_type       varchar(64)  NOT NULL,
    sub_event_type   varchar(64),
    event_date       date         NOT NULL,
    event_date_end   date,
    date_precision   varchar(5)   NOT NULL,
    actor1           varchar(200),
    actor2           varchar(200),
    place_id         varchar(100) NOT NULL,
    location_name    varchar(300),
    country          char(3),
    admin1           varchar(200),
    admin2           varchar(200),
    geo_precision    smallint     NOT NULL,
    geom             GEOMETRY(GEOMETRY, 4326) NOT NULL,
    lon              double precision NOT NULL,
    lat              double precision NOT NULL,
    span_start       integer      NOT NULL,
    span_end         integer      NOT NULL,
    place_span_start integer,
    place_span_end   integer,
    confidence       double precision NOT NULL,
    PRIMARY KEY (report_id, seq)
);
CREATE INDEX report_events_date_idx ON report_events (event_date);
CREATE INDEX report_events_incident_idx ON report_events (incident_id);

-- The casualty claims of each extracted event, with the span each figure was read from.
CREATE TABLE report_claims (
    report_id        bigint       NOT NULL,
    event_seq        integer      NOT NULL,
    seq              integer      NOT NULL,
    claimant         varchar(300),
    casualty_side    char(3),
    fatalities_low   integer,
    fatalities_best  integer,
    fatalities_high  integer,
    injured_low      integer,
    injured_best     integer,
    injured_high     integer,
    span_start       integer      NOT NULL,
    span_end         integer      NOT NULL,
    PRIMARY KEY (report_id, event_seq, seq),
    FOREIGN KEY (report_id, event_seq) REFERENCES report_events (report_id, seq) ON DELETE CASCADE
);

-- One row; ingestion transactions lock it so that fusion sees every earlier report (order independence).
CREATE TABLE fusion_lock (
    id integer PRIMARY KEY
);
INSERT INTO fusion_lock (id) VALUES (1);
