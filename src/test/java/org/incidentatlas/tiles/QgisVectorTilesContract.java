package org.incidentatlas.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.incidentatlas.testsupport.QgisPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QGIS 3.22 as the client of the tiles: the incidents added as a vector tile layer from an XYZ
 * template of MVT (src/test/resources/qgis/load_vector_tiles.py), drawn headless. QGIS must fetch
 * the tiles from the service, decode them and paint the incidents; with a filter that matches
 * nothing it must paint none. Each backend is a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atlas.demo-data=true")
abstract class QgisVectorTilesContract {

    private static final String BOX = "43.5,38.5,47.5,41.8";

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    JsonNode draw(Path home, String query) throws Exception {
        QgisPython.require();
        Path script = home.resolve("load_vector_tiles.py");
        try (InputStream in = getClass().getResourceAsStream("/qgis/load_vector_tiles.py")) {
            Files.write(script, in.readAllBytes());
        }
        String template = "http://localhost:" + port + "/collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}" + query;
        QgisPython.Result r = QgisPython.run(script, home, template, BOX);
        assertThat(r.exitCode()).as("QGIS script failed:\n" + r.stderr()).isZero();
        return json.readTree(r.stdout());
    }

    @Test
    void qgisDrawsTheIncidentTilesAndNoneWhenTheFilterMatchesNothing(@TempDir Path all, @TempDir Path none) throws Exception {
        JsonNode drawn = draw(all, "");
        assertThat(drawn.path("valid").asBoolean()).as(drawn.toString()).isTrue();
        assertThat(drawn.path("source_type").asString()).isEqualTo("xyz");
        // painted only if QGIS fetched the tiles from the service and decoded the incidents layer
        assertThat(drawn.path("red_pixels").asInt()).as("pixels painted for the incidents: " + drawn).isPositive();

        JsonNode empty = draw(none, "?datetime=1900-01-01");
        assertThat(empty.path("valid").asBoolean()).as(empty.toString()).isTrue();
        // the same layer with a filter that matches nothing: the filter reached the service through QGIS
        assertThat(empty.path("red_pixels").asInt()).as(empty.toString()).isZero();
    }
}
