package org.incidentatlas.testsupport;

import org.junit.jupiter.api.Assumptions;

/** What a test does when a tool it drives (GDAL, Chromium, QGIS) is not installed. */
final class MissingTool {

    private MissingTool() {
    }

    /** Skips the test loudly; on CI (CI=true) fails it instead, since .ci/run installs the tools. */
    static void skipOrFail(String message) {
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + " and CI=true: .ci/run must install it");
        }
        System.err.println("\n*** SKIPPING: " + message + " ***\n");
        Assumptions.abort(message);
    }
}
