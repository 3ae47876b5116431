package org.incidentatlas.ingest;

import java.util.concurrent.atomic.AtomicReference;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.LiveGazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.springframework.stereotype.Component;

/**
 * The service's extractor: the rule-based one over the gazetteer as it stands now. When analysts
 * correct the gazetteer the rules are rebuilt over the new snapshot (its name list included), so
 * a report ingested or re-geocoded afterwards sees the corrected places.
 */
@Component
public class LiveReportExtractor implements ReportExtractor {

    private record Built(Gazetteer gazetteer, RuleBasedReportExtractor extractor) {
    }

    private final LiveGazetteer gazetteer;
    private final NameKeys keys;
    private final QueryWords words;
    private final ActorList actors;
    private final AtomicReference<Built> built = new AtomicReference<>();

    public LiveReportExtractor(LiveGazetteer gazetteer, NameKeys keys, QueryWords words, ActorList actors) {
        this.gazetteer = gazetteer;
        this.keys = keys;
        this.words = words;
        this.actors = actors;
    }

    @Override
    public ExtractedReport extract(ReportInput report) {
        Gazetteer now = gazetteer.current();
        Built b = built.get();
        if (b == null || b.gazetteer() != now) {
            b = new Built(now, new RuleBasedReportExtractor(now, keys, words, actors));
            built.set(b);
        }
        return b.extractor().extract(report);
    }
}
