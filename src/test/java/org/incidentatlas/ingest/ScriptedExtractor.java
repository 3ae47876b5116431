package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.GeocodeQuery;
import org.incidentatlas.incidents.DatePrecision;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A test-only extractor that reads events written out in the text, so the pipeline tests do not
 * depend on extraction quality: {@code [[event date=2022-08-03; place=Goris; type=Battles;
 * sub=Armed clash; actor1=…; claimant=…; side=ARM; killed=2; injured=1; confidence=0.6]]}.
 * Places go through the real gazetteer; the directive is the event's span, the place value its
 * place span (and a PLACE mention), the figures a claim.
 */
public final class ScriptedExtractor implements ReportExtractor {

    private static final Pattern EVENT = Pattern.compile("\\[\\[event (.*?)]]");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([^;\\]]*)");

    private final Gazetteer gazetteer;

    public ScriptedExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Registers it as the primary extractor in a Spring test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        ReportExtractor scriptedExtractor(Gazetteer gazetteer) {
            return new ScriptedExtractor(gazetteer);
        }
    }

    @Override
    public ExtractedReport extract(ReportInput report) {
        List<Mention> mentions = new ArrayList<>();
        List<ExtractedEvent> events = new ArrayList<>();
        Matcher m = EVENT.matcher(report.text());
        while (m.find()) {
            Map<String, String> f = new HashMap<>();
            Map<String, Span> spans = new HashMap<>();
            Matcher fm = FIELD.matcher(m.group(1));
            while (fm.find()) {
                String value = fm.group(2).strip();
                f.put(fm.group(1), value);
                int start = m.start(1) + fm.start(2);
                spans.put(fm.group(1), new Span(start, start + fm.group(2).stripTrailing().length()));
            }
            Span span = new Span(m.start(), m.end());
            Candidate place = gazetteer.geocode(GeocodeQuery.of(f.get("place"), f.get("context"))).orElse(null);
            Span placeSpan = spans.get("place");
            mentions.add(new Mention(MentionKind.PLACE, placeSpan, placeSpan.of(report.text()), place == null ? null : place.place().id()));
            List<ExtractedClaim> claims = new ArrayList<>();
            if (f.containsKey("killed") || f.containsKey("injured")) {
                Span figure = spans.getOrDefault("killed", spans.get("injured"));
                mentions.add(new Mention(MentionKind.FIGURE, figure, figure.of(report.text()), figure.of(report.text())));
                claims.add(new ExtractedClaim(f.get("claimant"), f.get("side"), number(f.get("killed_low")), number(f.get("killed")),
                        number(f.get("killed_high")), null, number(f.get("injured")), null, figure));
            }
            // no date= stands for a report that gives no date at all
            LocalDate date = f.containsKey("date") ? LocalDate.parse(f.get("date")) : null;
            if (date != null) {
                mentions.add(new Mention(MentionKind.DATE, spans.get("date"), f.get("date"), date.toString()));
            }
            events.add(new ExtractedEvent(f.get("type"), f.get("sub"), date, null,
                    date == null ? null : DatePrecision.fromCode(f.getOrDefault("precision", "day")).orElseThrow(), f.get("actor1"), f.get("actor2"),
                    place, placeSpan, claims, span, Double.parseDouble(f.getOrDefault("confidence", "0.5"))));
        }
        return new ExtractedReport(mentions, events);
    }

    private static Integer number(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s);
    }
}
