package org.incidentatlas.gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Analysts' corrections in the {@code place_corrections} table, which the start-up load of the
 * committed place files never touches: a restart lays them over the files again.
 */
public class PlaceCorrectionStore {

    private static final String SELECT = "SELECT deleted, version, " + PlaceField.SELECT_COLUMNS + " FROM place_corrections";

    private final JdbcTemplate jdbc;
    private final PlaceStore places;

    public PlaceCorrectionStore(JdbcTemplate jdbc, PlaceStore places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    /** Every correction, in id order. */
    public List<PlaceCorrection> all() {
        return new ArrayList<>(jdbc.query(SELECT + " ORDER BY id", (rs, n) -> rs.getBoolean("deleted")
                ? new PlaceCorrection(rs.getString("id"), null, rs.getInt("version"))
                : new PlaceCorrection(rs.getString("id"), places.map(rs), rs.getInt("version"))));
    }

    public Optional<PlaceCorrection> find(String id) {
        return jdbc.query(SELECT + " WHERE id = ?", (rs, n) -> rs.getBoolean("deleted")
                ? new PlaceCorrection(rs.getString("id"), null, rs.getInt("version"))
                : new PlaceCorrection(rs.getString("id"), places.map(rs), rs.getInt("version")), id).stream().findFirst();
    }

    /** Stores the place as a correction with this version (call inside a transaction). */
    void put(Place place, int version) {
        jdbc.update("DELETE FROM place_corrections WHERE id = ?", place.id());
        places.insert("place_corrections", List.of(place));
        jdbc.update("UPDATE place_corrections SET version = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?", version, place.id());
    }

    /** Records that the place with this id is withdrawn (call inside a transaction). */
    void withdraw(String id, int version) {
        jdbc.update("DELETE FROM place_corrections WHERE id = ?", id);
        jdbc.update("INSERT INTO place_corrections (id, deleted, version) VALUES (?, true, ?)", id, version);
    }
}
