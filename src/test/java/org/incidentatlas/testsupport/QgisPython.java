package org.incidentatlas.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * QGIS itself (Debian's python3-qgis and qgis-providers: the QGIS core library and its data
 * providers, OAPIF among them) driven headless from the system Python, as a real client in
 * tests. Where it is not installed the test is skipped loudly, except on CI (CI=true), where that
 * fails the build: .ci/run installs it.
 */
public final class QgisPython {

    /** The system interpreter: the QGIS bindings are built for it, not for a pyenv or venv Python. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path BINDINGS = Path.of("/usr/lib/python3/dist-packages/qgis");
    static final Path OAPIF_PROVIDER = Path.of("/usr/lib/qgis/plugins/libprovider_wfs.so");

    private QgisPython() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static void require() {
        if (Files.isExecutable(PYTHON) && Files.isDirectory(BINDINGS) && Files.isRegularFile(OAPIF_PROVIDER)) {
            return;
        }
        String message = "QGIS is not installed (" + BINDINGS + ", " + OAPIF_PROVIDER
                + "; Debian: apt-get install python3-qgis qgis-providers)";
        MissingTool.skipOrFail(message);
    }

    /**
     * Runs a script with QGIS offscreen and HOME (QGIS's settings and caches) in {@code home}, so
     * the developer's own QGIS profile is neither read nor changed.
     */
    public static Result run(Path script, Path home, String... args) throws IOException, InterruptedException {
        require();
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.toString());
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        Path err = home.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }
}
