package org.incidentatlas.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The third-party seed reports in {@code ../shared/seeds/}. Tests may read them; the repository
 * must never contain their sentences. Absent folder: skipped loudly, or a failure when CI=true.
 */
public final class SeedReports {

    private SeedReports() {
    }

    public static Path folder() {
        Path dir = Path.of("..", "shared", "seeds").toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            return dir;
        }
        String message = "seed reports not found at " + dir;
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + " and CI=true: CI must have ../shared/seeds");
        }
        System.err.println("\n*** SKIPPING: " + message + " ***\n");
        Assumptions.abort(message);
        return dir;
    }

    /** The report files (000_….txt …), in name order. */
    public static List<Path> reports() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList();
        }
    }
}
