package org.incidentatlas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.GeocodeQuery;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.geodata.PlaceFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gazetteer look-ups in process, over the gold set's queries (spellings, scripts, typos, wrapper
 * words, context): the same mix the quality test checks. Each call is one {@code search} with
 * the API's default limit of 10 candidates.
 */
@State(Scope.Benchmark)
public class GazetteerBenchmark {

    private Gazetteer gazetteer;
    private List<GeocodeQuery> queries;

    @Setup
    public void load() throws IOException {
        NameKeys keys = new NameKeys();
        QueryWords words = new QueryWords(keys);
        gazetteer = new Gazetteer(new PlaceFiles(keys, words).load(), keys, words);
        queries = goldQueries();
    }

    /** Per-thread position in the query list, so threads do not contend on a shared counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Object search(Cursor cursor) {
        GeocodeQuery q = queries.get(cursor.next++ % queries.size());
        return gazetteer.search(q);
    }

    private static List<GeocodeQuery> goldQueries() throws IOException {
        try (InputStream in = GazetteerBenchmark.class.getResourceAsStream("/gold/toponyms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("gold/toponyms.tsv is not on the benchmark class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> header = List.of(lines[0].split("\t", -1));
            List<GeocodeQuery> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] c = lines[i].split("\t", -1);
                String context = c[header.indexOf("context")].strip();
                out.add(new GeocodeQuery(c[header.indexOf("query")], context.isEmpty() ? null : context, null, null, 10));
            }
            return out;
        }
    }
}
