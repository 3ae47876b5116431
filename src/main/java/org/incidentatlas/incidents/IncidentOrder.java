package org.incidentatlas.incidents;

/** The orders incidents can be paged in: by id (the default), or by distance to the nearest border. */
public enum IncidentOrder {
    ID, BORDER_DISTANCE, BORDER_DISTANCE_DESC
}
