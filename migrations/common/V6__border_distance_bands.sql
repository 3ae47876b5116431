-- How many incidents lie in each 100 m band of distance from each border: "how many within N m of
-- border X" reads these few hundred rows (and one short range of incident_border_distances)
-- instead of one index entry per matching incident. Kept in step with incident_border_distances
-- by the store, in the same transactions (incidents.BorderDistanceTable).
CREATE TABLE border_distance_bands (
    border_id  varchar(100) NOT NULL,
    band       integer      NOT NULL,
    incidents  bigint       NOT NULL,
    PRIMARY KEY (border_id, band)
);

INSERT INTO border_distance_bands (border_id, band, incidents)
SELECT border_id, CAST(floor(distance_m / 100) AS integer), count(*)
FROM incident_border_distances
GROUP BY border_id, CAST(floor(distance_m / 100) AS integer);

-- "Is this incident within N m of these borders" probes, one incident at a time, answered from the
-- index alone; the same index serves replacing an incident's rows.
DROP INDEX incident_border_distances_incident_idx;
CREATE INDEX incident_border_distances_incident_idx ON incident_border_distances (incident_id, border_id, distance_m);
