package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Whole exports that must be files (FlatGeobuf, whose index precedes its features, and
 * GeoPackage, which SQLite writes), kept by their ETag for the few requests that follow: GDAL's
 * /vsicurl/ (QGIS opening the URL) reads a file in many range requests, and each must not build it
 * again. Concurrent requests for the same export wait for one build. The least recently used file
 * beyond {@link #KEPT} is deleted (a download still reading it keeps its open handle), and so is
 * every file at shutdown; a write changes the data version and so the key, and old files age out.
 */
@Component
class ExportFiles {

    /** Files kept: each is about the size of its download. */
    static final int KEPT = 4;

    @FunctionalInterface
    interface Builder {
        /** Writes the export to {@code file} (which does not exist yet). */
        void build(Path file) throws IOException;
    }

    private final Map<String, CompletableFuture<Path>> files = new LinkedHashMap<>(16, 0.75f, true);

    /** The finished file for {@code key}, built now unless it is kept or being built. */
    Path get(String key, String suffix, Builder builder) throws IOException {
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> existing;
        List<CompletableFuture<Path>> evicted = new ArrayList<>();
        synchronized (files) {
            existing = files.get(key);
            if (existing == null) {
                files.put(key, mine);
                Iterator<CompletableFuture<Path>> oldest = files.values().iterator();
                while (files.size() > KEPT && oldest.hasNext()) {
                    evicted.add(oldest.next());
                    oldest.remove();
                }
            }
        }
        evicted.forEach(ExportFiles::deleteWhenDone);
        if (existing != null) {
            return await(existing);
        }
        Path file = null;
        try {
            file = Files.createTempFile("atlas-export-", suffix);
            Files.delete(file);
            builder.build(file);
            mine.complete(file);
            return file;
        } catch (IOException | RuntimeException | Error e) {
            synchronized (files) {
                files.remove(key, mine);
            }
            mine.completeExceptionally(e);
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    private static Path await(CompletableFuture<Path> build) throws IOException {
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void deleteWhenDone(CompletableFuture<Path> build) {
        build.thenAccept(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @PreDestroy
    void deleteAll() {
        synchronized (files) {
            files.values().forEach(ExportFiles::deleteWhenDone);
            files.clear();
        }
    }
}
