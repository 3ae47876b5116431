package org.incidentatlas.ogcapi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.incidentatlas.cql.CqlDialect;
import org.incidentatlas.cql.CqlException;
import org.incidentatlas.cql.CqlToSql;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.cql.Expression;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.incidents.IncidentFeatureReader;
import org.incidentatlas.incidents.IncidentQueryables;
import org.incidentatlas.incidents.IncidentValidator;
import org.incidentatlas.incidents.InvalidIncidentException;
import org.incidentatlas.ingest.InvalidReportException;
import org.incidentatlas.ingest.ReportBody;
import org.incidentatlas.storage.H2gisDialect;
import org.incidentatlas.storage.PostgisDialect;
import org.incidentatlas.web.JsonBodies;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.incidentatlas.web.ApiException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything that reads client input, fuzzed: CQL2 text and JSON filters with their translation to SQL on both
 * backends, the GeoJSON incident reader, page cursors with sort orders, bbox, datetime and limit, and the report
 * reader. Each may refuse its input only with the exception the web layer turns into a 4xx; anything else (a
 * NullPointerException, a StackOverflowError, a DateTimeException …) is a finding, which would be a 500.
 *
 * <p>The first byte of an input picks the reader, the rest is its UTF-8 text. {@code ./mvnw verify} replays the
 * committed corpus ({@code src/test/resources/org/incidentatlas/ogcapi/InputFuzzTestInputs/everyInput/}) like unit
 * tests, then fuzzes for {@code maxDuration} in a run of its own (JAZZER_FUZZ=1, the pom's {@code fuzz}
 * execution); a finding is written into that folder, so it becomes a regression test once committed.
 */
class InputFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CrsRegistry CRS = new CrsRegistry();
    private static final JsonBodies BODIES = new JsonBodies();
    private static final IncidentFeatureReader FEATURES = new IncidentFeatureReader(new IncidentValidator(), BODIES);
    private static final List<CqlToSql> TRANSLATIONS = List.of(
            new CqlToSql(IncidentQueryables.ALL, CqlDialect.of(new PostgisDialect())),
            new CqlToSql(IncidentQueryables.ALL, CqlDialect.of(new H2gisDialect())));

    private enum Reader { CQL2_TEXT, CQL2_JSON, FEATURE, CURSOR, BBOX, DATETIME, LIMIT, REPORT }

    @FuzzTest(maxDuration = "60s")
    void everyInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Reader reader = Reader.values()[Math.floorMod(input[0], Reader.values().length)];
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        try {
            read(reader, text);
        } catch (ApiException | CqlException | InvalidIncidentException | InvalidReportException refused) {
            // a 4xx naming the problem: what bad input is meant to get
        }
    }

    private static void read(Reader reader, String text) {
        switch (reader) {
            case CQL2_TEXT, CQL2_JSON -> {
                Expression filter = FilterParameters.parse(text, reader == Reader.CQL2_TEXT ? "cql2-text" : "cql2-json",
                        null, CRS, FilterLimits.DEFAULT);
                for (CqlToSql sql : TRANSLATIONS) {
                    sql.condition(filter);
                }
            }
            case FEATURE -> json(text).ifPresent(FEATURES::read);
            case CURSOR -> {
                int newline = text.indexOf('\n');
                String sortby = newline < 0 ? null : text.substring(0, newline);
                String token = newline < 0 ? text : text.substring(newline + 1);
                PageCursor cursor;
                try {
                    cursor = PageCursor.parse(token);
                } catch (IllegalArgumentException notACursor) {
                    return; // ItemsRequest answers it with a 400
                }
                IncidentSortby.fits(IncidentSortby.parse(sortby), cursor.key());
            }
            case BBOX -> {
                ItemsRequest.bbox(text);
                ItemsRequest.bbox(text, CRS.resolve("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/3857"), CRS);
            }
            case DATETIME -> ItemsRequest.datetime(text);
            case LIMIT -> ItemsRequest.limit(text);
            case REPORT -> json(text).ifPresent(node -> {
                if (node.isArray()) {
                    ReportBody.readAll(BODIES, List.copyOf(node.valueStream().toList()));
                } else {
                    ReportBody.read(BODIES, node, "");
                }
            });
        }
    }

    /** The body as JSON; not JSON at all is the controllers' 400, so there is nothing further to read. */
    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
