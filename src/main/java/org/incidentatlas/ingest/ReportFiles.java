package org.incidentatlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.incidentatlas.web.JsonBodies;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads reports from files for the command line: {@code .txt}/{@code .md} files are one report's
 * text; {@code .json} holds a report object or an array of them; {@code .ndjson}/{@code .jsonl}
 * one report object per line. A folder is read recursively in name order; a {@code MANIFEST.tsv}
 * in it (see {@link ReportManifest}) gives the text files' metadata.
 */
public final class ReportFiles {

    /** One report read from a file, named for progress messages. */
    public record Named(String name, ReportInput report) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonBodies bodies;

    public ReportFiles(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ReportFiles::isReportFile).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return out;
    }

    static boolean isReportFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl"))
                && !n.equals("readme.md");
    }

    /** The reports in one file (throws {@link InvalidReportException} or IOException for unreadable ones). */
    public List<Named> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String text = Utf8.decode(Files.readAllBytes(file), name);
        List<Named> out = new ArrayList<>();
        if (lower.endsWith(".json")) {
            JsonNode node = json.readTree(text);
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    out.add(new Named(name + "[" + i + "]", ReportBody.read(bodies, node.get(i), name + "[" + i + "]")));
                }
            } else {
                out.add(new Named(name, ReportBody.read(bodies, node, name)));
            }
        } else if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(new Named(name + ":" + (i + 1), ReportBody.read(bodies, json.readTree(lines[i]), name + ":" + (i + 1))));
                }
            }
        } else {
            ReportInput r = ReportManifest.input(text, manifest(file.getParent()).getOrDefault(name, Map.of()));
            ReportLimits.check(r, name + ".");
            out.add(new Named(name, r));
        }
        return out;
    }

    private final Map<Path, Map<String, Map<String, String>>> manifests = new HashMap<>();

    private Map<String, Map<String, String>> manifest(Path folder) throws IOException {
        if (folder == null) {
            return Map.of();
        }
        if (!manifests.containsKey(folder)) {
            Path file = folder.resolve(ReportManifest.FILE_NAME);
            manifests.put(folder, Files.isRegularFile(file) ? ReportManifest.parse(Files.readString(file)).byFile() : Map.of());
        }
        return manifests.get(folder);
    }
}
