package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.testsupport.DemoServiceContract;
import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL as a real OGC API client of the running service.
 * The same tests on each backend (subclasses choose the database).
 */
abstract class GdalClientContract extends DemoServiceContract {

    // --- GDAL as a real OGC API client ---

    @Test
    void gdalReadsTheServiceAndCopiesItToAGeoPackagePageByPage(@TempDir Path dir) throws Exception {
        ExternalTool ogrinfo = new ExternalTool("ogrinfo");
        ogrinfo.require();
        int expected = (int) count();
        ExternalTool.Result info = ogrinfo.run("-ro", "-al", "-so", "OAPIF:" + api.url("/"));
        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output()).contains("Layer name: incidents", "Layer name: places", "Layer name: borders");
        assertThat(featureCount(info.output(), "incidents")).as(info.output()).isEqualTo(expected);
        long places = api.body(api.get("/collections/places/items?limit=1")).path("numberMatched").asLong();
        assertThat(featureCount(info.output(), "places")).as(info.output()).isEqualTo(places);

        Path gpkg = dir.resolve("incidents.gpkg");
        ExternalTool.Result copy = new ExternalTool("ogr2ogr").run("-f", "GPKG", gpkg.toString(),
                "OAPIF:" + api.url("/collections/incidents"), "-oo", "PAGE_SIZE=2", "-preserve_fid");
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        ExternalTool.Result copied = ogrinfo.run("-ro", "-al", gpkg.toString());
        assertThat(featureCount(copied.output(), "incidents")).as(copied.output()).isEqualTo(expected);
        assertThat(copied.output()).contains("location_name (String) = Nerkin Hand");
        // GDAL takes the integer feature ids as FIDs: the copy holds each served feature exactly once.
        Matcher fids = Pattern.compile("(?m)^OGRFeature\\(incidents\\):(\\d+)$").matcher(copied.output());
        List<String> copiedIds = new ArrayList<>();
        while (fids.find()) {
            copiedIds.add(fids.group(1));
        }
        List<String> servedIds = new ArrayList<>();
        api.body(api.get("/collections/incidents/items?limit=10000")).path("features").forEach(f -> servedIds.add(f.path("id").asString()));
        assertThat(copiedIds).containsExactlyInAnyOrderElementsOf(servedIds);
    }

    private static int featureCount(String ogrinfoOutput, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\R(?:.*\\R)*?Feature Count: (\\d+)").matcher(ogrinfoOutput);
        assertThat(m.find()).as(ogrinfoOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
