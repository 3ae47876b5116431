package org.incidentatlas.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line client used as a real peer in tests (GDAL's ogrinfo and ogr2ogr). Where it is
 * not installed, the test is skipped loudly, except on CI (CI=true), where that fails the build.
 */
public record ExternalTool(String command) {

    public record Result(int exitCode, String output) {
    }

    public void require() {
        if (isInstalled()) {
            return;
        }
        String message = "'" + command + "' is not installed (Debian: apt-get install gdal-bin)";
        MissingTool.skipOrFail(message);
    }

    public boolean isInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
