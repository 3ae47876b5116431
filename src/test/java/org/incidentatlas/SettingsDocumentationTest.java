package org.incidentatlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's settings table and the code cannot drift apart: every {@code atlas.*} setting the code binds (the
 * {@code @ConfigurationProperties} records, as spring-boot-configuration-processor lists them in
 * META-INF/spring-configuration-metadata.json) has a row with its default, and every row is a setting the code binds.
 */
class SettingsDocumentationTest {

    static final String HEADING = "## Settings";

    /** name → default from the README's table ("empty" stands for the empty text). */
    static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf(HEADING);
        assertThat(start).as("README.md has a section '" + HEADING + "'").isNotNegative();
        Map<String, String> rows = new TreeMap<>();
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("| name |")) {
            i++;
        }
        assertThat(lines.get(i)).isEqualTo("| name | default | meaning |");
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            String name = cells[1].strip().replace("`", "");
            String value = cells[2].strip().replace("`", "");
            assertThat(rows.put(name, value.equals("empty") ? "" : value)).as("a second row for " + name).isNull();
        }
        return rows;
    }

    /** name → default ("" when the metadata has none) of every atlas.* setting the code binds. */
    static Map<String, String> boundInCode() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        try (InputStream in = SettingsDocumentationTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            for (JsonNode p : JsonMapper.builder().build().readTree(in).path("properties")) {
                String name = p.path("name").asString();
                if (name.startsWith("atlas.")) {
                    settings.put(name, p.path("defaultValue").isMissingNode() ? "" : p.path("defaultValue").asString());
                }
            }
        }
        return settings;
    }

    @Test
    void theReadmeTableListsEverySettingTheCodeBindsWithItsDefault() throws IOException {
        Map<String, String> code = boundInCode();
        assertThat(code).as("settings found in the metadata").hasSizeGreaterThan(10);
        assertThat(readmeTable()).as("README.md '" + HEADING + "' table (name → default) against the code")
                .containsExactlyInAnyOrderEntriesOf(code);
    }

    @Test
    void everyAtlasSettingInApplicationPropertiesIsBound() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SettingsDocumentationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, String> code = boundInCode();
        List<String> unbound = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("atlas.") && !code.containsKey(name)) {
                unbound.add(name);
            }
        }
        assertThat(unbound).as("atlas.* keys in application.properties that no @ConfigurationProperties record binds").isEmpty();
    }

    @Test
    void noAtlasSettingIsReadWithValue() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains("@Value(\"${atlas.")) {
                    found.add(f.toString());
                }
            }
        }
        assertThat(found).as("atlas.* settings are @ConfigurationProperties records, not @Value").isEmpty();
    }
}
