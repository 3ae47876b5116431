package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.incidents.EventTaxonomy;

/**
 * Reads a report with rules: sentences, dates resolved against the publication date, toponyms
 * through the gazetteer, actors and claimants from the actor list, casualty figures, an event
 * class per sentence; background sentences are set aside. Event sentences become one draft per
 * place and day; a region and a place inside it on the same day, or features a few kilometres
 * apart, are one event; casualty figures without a place of their own go to the day's event on
 * the victims' side. Pure and deterministic; safe for concurrent use. Built over one gazetteer
 * snapshot; the service's extractor ({@link LiveReportExtractor}) rebuilds it when analysts correct the gazetteer.
 */
public class RuleBasedReportExtractor implements ReportExtractor {

    private final Gazetteer gazetteer;
    private final NameKeys keys;
    private final QueryWords words;
    private final ActorList actors;
    private final Claimants claimants;
    private final KnownNames knownNames;

    public RuleBasedReportExtractor(Gazetteer gazetteer, NameKeys keys, QueryWords words, ActorList actors) {
        this.gazetteer = gazetteer;
        this.keys = keys;
        this.words = words;
        this.actors = actors;
        this.claimants = new Claimants(actors);
        this.knownNames = new KnownNames(gazetteer, keys, words);
    }

    @Override
    public ExtractedReport extract(ReportInput report) {
        String original = report.text() == null ? "" : report.text();
        LocalDate published = report.publishedAt() == null ? null : report.publishedAt().toLocalDate();
        Optional<Dateline> dateline = Dateline.find(original, published,
                published != null ? null : ReportDating.latestYear(original));
        // the dateline is where and when the report was filed: it anchors relative dates, and no event is read from it
        String text = dateline.map(d -> d.blank(original)).orElse(original);
        LocalDate anchor = dateline.map(d -> d.anchor(published)).orElse(published);
        List<Sentence> sentences = Sentences.split(text);
        List<ActorMention> allActors = actors.find(text, 0, text.length());
        Integer fallbackYear = anchor != null ? null : ReportDating.latestYear(text);
        PlaceMentions places = new PlaceMentions(gazetteer, keys, words, knownNames);

        List<SentenceFacts> facts = new ArrayList<>();
        // the provinces and districts named so far confine the near-miss names of later sentences
        List<String> reportAreas = new ArrayList<>();
        for (Sentence s : sentences) {
            List<ActorMention> inSentence = allActors.stream()
                    .filter(a -> a.span().start() >= s.start() && a.span().end() <= s.end()).toList();
            List<DateMention> dates = DateResolver.find(text, s.start(), s.end(), anchor, fallbackYear);
            List<Figure> figures = speakers(text, s, CasualtyFigures.find(text, s), inSentence);
            // background by its words here; by its dates once the main date is known
            List<PlaceMention> found = places.find(text, s, inSentence, reportAreas);
            found.stream().filter(p -> p.role() == PlaceMention.Role.LOCATION || p.role() == PlaceMention.Role.QUALIFIER)
                    .filter(p -> p.candidate().place().type().isAdministrative() && p.candidate().place().type() != FeatureType.COUNTRY)
                    .map(PlaceMention::text).filter(n -> !reportAreas.contains(n)).forEach(reportAreas::add);
            facts.add(new SentenceFacts(s, dates, found, inSentence,
                    claimants.find(text, s, inSentence), figures, EventClassifier.classify(text, s, !figures.isEmpty()),
                    Background.byWords(s.text()), SentenceFacts.When.UNKNOWN));
        }
        SentenceFacts.When main = ReportDating.mainDate(text, facts, anchor);
        List<SentenceFacts> dated = ReportDating.dateAndSetAside(text, facts, main);
        List<Attribution> attributions = ClaimAssembly.attributions(dated);

        List<EventDraft> drafts = new ArrayList<>();
        List<EventDraft> unlocated = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            SentenceFacts f = dated.get(i);
            if (!f.isNews() || (f.eventClass().isEmpty() && f.figures().isEmpty())) {
                continue;
            }
            List<ExtractedClaim> claims = ClaimAssembly.claims(f, attributions.get(i));
            List<PlaceMention> locations = locations(f);
            if (locations.isEmpty()) {
                if (!claims.isEmpty()) {
                    EventDraft d = new EventDraft(f.when(), null, null);
                    d.sentences.add(f);
                    d.claims.addAll(claims);
                    unlocated.add(d);
                }
                continue;
            }
            for (int k = 0; k < locations.size(); k++) {
                PlaceMention p = locations.get(k);
                EventDraft d = drafts.stream()
                        .filter(x -> x.place.place().id().equals(p.candidate().place().id())
                                && Objects.equals(x.when.date(), f.when().date()) && Objects.equals(x.when.end(), f.when().end()))
                        .findFirst().orElse(null);
                if (d == null) {
                    d = new EventDraft(f.when(), p.candidate(), p.span());
                    drafts.add(d);
                }
                if (!d.sentences.contains(f)) {
                    d.sentences.add(f);
                }
                if (k == 0) {
                    d.claims.addAll(claims);
                }
            }
        }
        EventMerging.mergeDirections(drafts);
        EventMerging.merge(drafts);
        EventMerging.refineRegions(drafts, dated);
        EventMerging.mergeWithin(drafts);
        EventMerging.attachUnlocated(drafts, unlocated);
        drafts.forEach(ClaimAssembly::joinClaims);
        drafts.forEach(ClaimAssembly::dropRepeatedClaims);
        drafts.sort(Comparator.comparingInt(EventDraft::firstSentence));

        List<ActorMention> reportForces = allActors.stream().filter(a -> a.actor().isForce())
                .filter(a -> !a.actor().kind().equals("peacekeepers") && !a.actor().kind().equals("monitors"))
                .filter(a -> dated.stream().noneMatch(f -> f.figures().stream().anyMatch(fig ->
                        fig.span().start() <= a.span().start() && a.span().end() <= fig.span().end())))
                .filter(a -> dated.stream().anyMatch(f -> f.isNews() && f.sentence().span().start() <= a.span().start()
                        && a.span().end() <= f.sentence().end())).toList();
        List<ExtractedEvent> events = new ArrayList<>();
        for (EventDraft d : drafts) {
            events.add(toEvent(text, d, main, reportForces));
        }
        List<Mention> mentions = new ArrayList<>(mentions(text, dated, attributions));
        dateline.ifPresent(d -> mentions.addAll(0, datelineMentions(original, d)));
        return new ExtractedReport(mentions, events);
    }

    /**
     * A sentence may give two speakers' figures: "Armenia said three of its soldiers died, and
     * Azerbaijan said two of its servicemen were killed". A speaker named between two figures
     * gives the later ones; the first keeps the sentence's attribution.
     */
    private List<Figure> speakers(String text, Sentence s, List<Figure> figures, List<ActorMention> inSentence) {
        if (figures.size() < 2) {
            return figures;
        }
        List<Figure> out = new ArrayList<>(List.of(figures.get(0)));
        Attribution current = null;
        for (int i = 1; i < figures.size(); i++) {
            int from = figures.get(i - 1).span().end();
            int to = figures.get(i).span().start();
            if (to > from) {
                Sentence gap = new Sentence(s.index(), s.paragraph(), new Span(from, to), text.substring(from, to));
                List<ActorMention> inGap = inSentence.stream().filter(a -> a.span().start() >= from && a.span().end() <= to).toList();
                Attribution a = claimants.find(text, gap, inGap).filter(x -> !x.anaphoric()).orElse(null);
                current = a != null ? a : current;
            }
            out.add(current == null ? figures.get(i) : figures.get(i).withSpeaker(current));
        }
        return out;
    }

    /** Where a news sentence places its event: its locations, or where fire came from when it names nothing else. */
    private static List<PlaceMention> locations(SentenceFacts f) {
        List<PlaceMention> located = f.places().stream().filter(p -> p.role() == PlaceMention.Role.LOCATION)
                .filter(p -> p.candidate().place().type() != FeatureType.COUNTRY).toList();
        if (!located.isEmpty()) {
            return located;
        }
        return f.places().stream().filter(p -> p.role() == PlaceMention.Role.ORIGIN).toList();
    }

    private ExtractedEvent toEvent(String text, EventDraft d, SentenceFacts.When main, List<ActorMention> reportForces) {
        EventClass best = null;
        for (SentenceFacts f : d.figureSentences) {
            if (f.eventClass().isPresent() && (best == null || f.eventClass().get().rank() > best.rank())) {
                best = f.eventClass().get();
            }
        }
        for (SentenceFacts f : d.sentences) {
            if (f.eventClass().isPresent() && (best == null || f.eventClass().get().rank() > best.rank())) {
                best = f.eventClass().get();
            }
        }
        if (best == null) {
            best = new EventClass(EventTaxonomy.BATTLES, "Armed clash", 1, false, d.sentences.get(0).sentence().span());
        }
        EventActors.Pair pair = EventActors.of(text, d.sentences, reportForces, actors);
        Actor actor1 = pair.actor1();
        Actor actor2 = pair.actor2();
        String eventType = best.eventType();
        String subType = best.subEventType();
        boolean violence = d.sentences.stream().anyMatch(f -> f.eventClass().filter(c -> !c.seizure()).isPresent())
                || !d.claims.isEmpty();
        if (best.seizure() && !violence) {
            eventType = EventTaxonomy.STRATEGIC_DEVELOPMENTS;
            subType = "Non-violent transfer of territory";
        } else if (best.seizure() && actor1 != null && Objects.equals(actor1.country(), d.place.place().country())) {
            subType = "Government regains territory";
        }
        SentenceFacts first = d.sentences.get(0);
        return new ExtractedEvent(eventType, subType, d.when.date(),
                d.when.end() == null || d.when.end().equals(d.when.date()) ? null : d.when.end(), d.when.precision(),
                actor1 == null ? null : actor1.name(), actor2 == null ? null : actor2.name(),
                d.place, d.placeSpan, d.claims, first.sentence().span(), confidence(d, best, main));
    }

    /** How far to trust the event: its own date, an exact place, attributed figures and a specific cue count for it. */
    private static double confidence(EventDraft d, EventClass c, SentenceFacts.When main) {
        double score = 0.35;
        boolean ownDate = d.sentences.stream().anyMatch(f -> f.when().ownDate());
        score += ownDate ? 0.2 : main.ownDate() ? 0.12 : 0;
        score += d.place.geoPrecision() == 1 ? 0.15 : d.place.geoPrecision() == 2 ? 0.1 : 0.03;
        score += d.claims.stream().anyMatch(x -> x.claimant() != null) ? 0.1 : 0;
        score += c.rank() >= 3 ? 0.1 : 0.04;
        score -= d.refined ? 0.15 : 0;
        score -= d.when.precision() == null ? 0.2 : 0;
        return Math.round(Math.max(0.05, Math.min(0.95, score)) * 100) / 100.0;
    }

    /** The filing city (deliberately not geocoded: it is no event place) and the filing day. */
    private static List<Mention> datelineMentions(String text, Dateline d) {
        List<Mention> out = new ArrayList<>();
        out.add(new Mention(MentionKind.DATELINE, d.cityAt(), d.city(), null));
        if (d.dateAt() != null) {
            out.add(new Mention(MentionKind.DATE, d.dateAt(), d.dateAt().of(text), d.date() == null ? null : d.date().toString()));
        }
        return out;
    }

    private static List<Mention> mentions(String text, List<SentenceFacts> facts, List<Attribution> attributions) {
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            SentenceFacts f = facts.get(i);
            for (DateMention d : f.dates()) {
                out.add(new Mention(MentionKind.DATE, d.span(), d.text(), d.resolved() ? d.date().toString() : null));
            }
            for (PlaceMention p : f.places()) {
                out.add(new Mention(MentionKind.PLACE, p.span(), p.text(), p.candidate().place().id()));
            }
            for (ActorMention a : f.actors()) {
                out.add(new Mention(MentionKind.ACTOR, a.span(), a.text(), a.actor().name()));
            }
            Attribution a = attributions.get(i);
            if (a != null && !a.anaphoric() && f.attribution().isPresent()) {
                out.add(new Mention(MentionKind.CLAIMANT, a.span(), a.span().of(text), a.claimant()));
            }
            for (Figure fig : f.figures()) {
                out.add(new Mention(MentionKind.FIGURE, fig.span(), fig.text(), fig.describe()));
            }
            f.eventClass().ifPresent(c -> out.add(new Mention(MentionKind.EVENT, c.cue(), c.cue().of(text),
                    c.eventType() + "/" + c.subEventType())));
        }
        out.sort(Comparator.comparingInt((Mention m) -> m.span().start()).thenComparing(m -> m.kind().ordinal()));
        return out;
    }
}
