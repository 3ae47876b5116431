package org.incidentatlas.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.geodata.PlaceFiles;

/** The extractor over the committed gazetteer and actor list, built as the service builds it; shared by the tests. */
final class TestExtractor {

    private static RuleBasedReportExtractor shared;
    private static PlaceMentions places;
    private static ActorList actors;
    private static Gazetteer gazetteer;

    private TestExtractor() {
    }

    static synchronized RuleBasedReportExtractor get() {
        if (shared == null) {
            try {
                NameKeys keys = new NameKeys();
                QueryWords words = new QueryWords(keys);
                gazetteer = new Gazetteer(new PlaceFiles(keys, words).load(), keys, words);
                actors = new ActorList();
                shared = new RuleBasedReportExtractor(gazetteer, keys, words, actors);
                places = new PlaceMentions(gazetteer, keys, words, new KnownNames(gazetteer, keys, words));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static synchronized PlaceMentions places() {
        get();
        return places;
    }

    static synchronized ActorList actors() {
        get();
        return actors;
    }

    /** The committed gazetteer the extractor reads. */
    static synchronized Gazetteer gazetteer() {
        get();
        return gazetteer;
    }

    static ReportInput report(String text, String publishedAt) {
        OffsetDateTime at = publishedAt == null ? null : LocalDate.parse(publishedAt).atStartOfDay().atOffset(ZoneOffset.UTC);
        return new ReportInput(text, null, null, null, at, "en");
    }

    static String describe(String text, ExtractedEvent e) {
        StringBuilder b = new StringBuilder();
        b.append(e.date()).append(e.dateEnd() == null ? "" : ".." + e.dateEnd()).append(' ').append(e.datePrecision())
                .append(" | ").append(e.eventType()).append(" / ").append(e.subEventType())
                .append(" | ").append(e.place().place().id()).append(" p").append(e.place().geoPrecision())
                .append(" '").append(e.placeSpan().of(text)).append("'")
                .append(" | ").append(e.actor1()).append(" vs ").append(e.actor2())
                .append(" | conf ").append(e.confidence());
        for (ExtractedClaim c : e.claims()) {
            b.append("\n      claim ").append(c.claimant()).append(" side=").append(c.casualtySide())
                    .append(" killed=").append(c.fatalitiesLow()).append('/').append(c.fatalitiesBest()).append('/').append(c.fatalitiesHigh())
                    .append(" injured=").append(c.injuredLow()).append('/').append(c.injuredBest()).append('/').append(c.injuredHigh());
        }
        return b.toString();
    }
}
