package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.springframework.stereotype.Component;

/**
 * Reads a report with rules: sentences, dates resolved against the publication date, toponyms
 * through the gazetteer, actors and claimants from the actor list, casualty figures, an event
 * class per sentence; background sentences are set aside. Event sentences become one draft per
 * place and day; a region and a place inside it on the same day, or features a few kilometres
 * apart, are one event; casualty figures without a place of their own go to the day's event on
 * the victims' side. Pure and deterministic; safe for concurrent use.
 */
@Component
public class RuleBasedReportExtractor implements ReportExtractor {

    /** A region-level mention on the same day as a place within this distance is the same event. */
    static final double REGION_KM = 60;
    /** Non-settlement features (heights, corridors, directions) this close on the same day are the same event. */
    static final double FEATURE_KM = 10;
    /** The two parties whose authorities, speaking of unspecified victims, mean their own. */
    private static final java.util.Set<String> PARTIES = java.util.Set.of("ARM", "AZE");
    private static final Pattern CONTINUATION = Pattern.compile("(?:then|as a result|after|afterwards|following|since then|"
            + "at the time|at that time|back then|during|it|this|that|these|those|they|he|she|its|their)\\b",
            Pattern.CASE_INSENSITIVE);

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
        String text = report.text() == null ? "" : report.text();
        LocalDate anchor = report.publishedAt() == null ? null : report.publishedAt().toLocalDate();
        List<Sentence> sentences = Sentences.split(text);
        List<ActorMention> allActors = actors.find(text, 0, text.length());
        Integer fallbackYear = anchor != null ? null : latestYear(text);
        PlaceMentions places = new PlaceMentions(gazetteer, keys, words, knownNames);

        List<SentenceFacts> facts = new ArrayList<>();
        for (Sentence s : sentences) {
            List<ActorMention> inSentence = allActors.stream()
                    .filter(a -> a.span().start() >= s.start() && a.span().end() <= s.end()).toList();
            List<DateMention> dates = DateResolver.find(text, s.start(), s.end(), anchor, fallbackYear);
            List<Figure> figures = CasualtyFigures.find(text, s);
            // background by its words here; by its dates once the main date is known
            facts.add(new SentenceFacts(s, dates, places.find(text, s, inSentence), inSentence,
                    claimants.find(text, s, inSentence), figures, EventClassifier.classify(text, s, !figures.isEmpty()),
                    Background.byWords(s.text()), SentenceFacts.When.UNKNOWN));
        }
        SentenceFacts.When main = mainDate(text, facts, anchor);
        List<SentenceFacts> dated = dateAndSetAside(text, facts, main);
        List<Attribution> attributions = attributions(dated);

        List<EventDraft> drafts = new ArrayList<>();
        List<EventDraft> unlocated = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            SentenceFacts f = dated.get(i);
            if (!f.isNews() || (f.eventClass().isEmpty() && f.figures().isEmpty())) {
                continue;
            }
            List<ExtractedClaim> claims = claims(f, attributions.get(i));
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
        merge(drafts);
        refineRegions(drafts, dated);
        mergeWithin(drafts);
        attachUnlocated(drafts, unlocated);
        drafts.forEach(RuleBasedReportExtractor::joinClaims);
        drafts.forEach(RuleBasedReportExtractor::dropRepeatedClaims);
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
        return new ExtractedReport(mentions(text, dated, attributions), events);
    }

    /** The report's main date: the first news sentence about an event that dates itself; else the publication week; else a coarse period. */
    private SentenceFacts.When mainDate(String text, List<SentenceFacts> facts, LocalDate anchor) {
        Optional<DateMention> best = Optional.empty();
        for (SentenceFacts f : facts) {
            Optional<Background.Reason> words = Background.byDates(f.dates(), null).or(f::background);
            Optional<DateMention> own = f.ownDate().filter(d -> anchor == null || !d.date().isAfter(anchor.plusDays(1)));
            if (words.isEmpty() && own.isPresent() && (f.eventClass().isPresent() || !f.figures().isEmpty())) {
                best = own;
                break;
            }
            if (best.isEmpty() && words.isEmpty() && own.isPresent()) {
                best = own;
            }
        }
        if (best.isPresent()) {
            DateMention d = best.get();
            return new SentenceFacts.When(d.date(), d.end(), d.precision(), true);
        }
        if (anchor != null) {
            // the report says nothing of the day: some day of the week it was published in
            return new SentenceFacts.When(anchor.minusDays(6), anchor, DatePrecision.WEEK, false);
        }
        for (SentenceFacts f : facts) {
            if (Background.byDates(f.dates(), null).or(f::background).isPresent()) {
                continue;
            }
            for (DateMention d : f.dates()) {
                if (d.resolved() && (d.precision() == DatePrecision.MONTH || d.precision() == DatePrecision.YEAR)) {
                    return new SentenceFacts.When(d.date(), d.end(), d.precision(), false);
                }
            }
        }
        return SentenceFacts.When.UNKNOWN;
    }

    /**
     * Each sentence's day, and which sentences are background. A sentence that carries a
     * background story on ("Then the fighting broke out …", "After that, …") without a date of its
     * own is background too.
     */
    private static List<SentenceFacts> dateAndSetAside(String text, List<SentenceFacts> facts, SentenceFacts.When main) {
        List<SentenceFacts> out = new ArrayList<>();
        SentenceFacts.When lastOwn = null;
        SentenceFacts.When paragraphDate = null;
        Optional<Background.Reason> previousBackground = Optional.empty();
        int paragraph = -1;
        for (SentenceFacts f : facts) {
            if (f.sentence().paragraph() != paragraph) {
                paragraph = f.sentence().paragraph();
                paragraphDate = null;
            }
            Optional<DateMention> own = f.ownDate();
            boolean sameDay = f.dates().stream().anyMatch(d -> d.kind() == DateMention.Kind.SAME_DAY);
            Optional<DateMention> shift = f.dates().stream()
                    .filter(d -> d.kind() == DateMention.Kind.DAY_BEFORE || d.kind() == DateMention.Kind.DAY_AFTER).findFirst();
            SentenceFacts.When reference = paragraphDate != null ? paragraphDate : main;
            SentenceFacts.When when;
            if (shift.isPresent() && reference.date() != null && reference.precision() == DatePrecision.DAY) {
                // "a day earlier": one day from the day being told about
                LocalDate d = reference.date().plusDays(shift.get().kind() == DateMention.Kind.DAY_BEFORE ? -1 : 1);
                when = new SentenceFacts.When(d, null, DatePrecision.DAY, true);
                sameDay = true;
            } else if (own.isPresent()) {
                when = new SentenceFacts.When(own.get().date(), own.get().end(), own.get().precision(), true);
            } else if (sameDay && lastOwn != null) {
                when = lastOwn;
            } else if (paragraphDate != null) {
                when = new SentenceFacts.When(paragraphDate.date(), paragraphDate.end(), paragraphDate.precision(), false);
            } else {
                when = new SentenceFacts.When(main.date(), main.end(), main.precision(), false);
            }
            Optional<Background.Reason> background = Background.byDates(f.dates(), main.date()).or(f::background);
            if (background.isEmpty() && own.isEmpty() && !sameDay && previousBackground.isPresent()
                    && CONTINUATION.matcher(f.sentence().text()).lookingAt()) {
                background = previousBackground;
            }
            previousBackground = background;
            if (own.isPresent() || sameDay) {
                lastOwn = when;
                paragraphDate = when;
            }
            out.add(f.with(background, when));
        }
        return out;
    }

    /** Who each sentence's facts come from: its own attribution, or the previous sentence's when it goes on reporting. */
    private static List<Attribution> attributions(List<SentenceFacts> facts) {
        List<Attribution> out = new ArrayList<>();
        Attribution lastNamed = null;
        Attribution previous = null;
        int previousParagraph = -2;
        for (SentenceFacts f : facts) {
            Attribution a = f.attribution().orElse(null);
            if (a != null && a.anaphoric()) {
                a = lastNamed == null ? null : new Attribution(lastNamed.claimant(), lastNamed.country(), a.span(), true);
            } else if (a == null && previous != null && f.sentence().paragraph() - previousParagraph <= 1) {
                a = new Attribution(previous.claimant(), previous.country(), previous.span(), true);
            }
            if (a != null && !a.anaphoric()) {
                lastNamed = a;
            }
            out.add(a);
            previous = a;
            previousParagraph = f.sentence().paragraph();
        }
        return out;
    }

    /** The sentence's figures as claims: one per side, killed and injured together. */
    private static List<ExtractedClaim> claims(SentenceFacts f, Attribution attribution) {
        Map<String, ExtractedClaim> bySide = new LinkedHashMap<>();
        String claimant = attribution == null ? null : attribution.claimant();
        String claimantCountry = attribution == null ? null : attribution.country();
        for (Figure fig : f.figures()) {
            String side = Figure.CLAIMANT_SIDE.equals(fig.side()) ? claimantCountry
                    : fig.side() == null ? (PARTIES.contains(String.valueOf(claimantCountry)) ? claimantCountry : null) : fig.side();
            ExtractedClaim c = bySide.get(String.valueOf(side));
            Integer[] k = c == null ? new Integer[3] : new Integer[] {c.fatalitiesLow(), c.fatalitiesBest(), c.fatalitiesHigh()};
            Integer[] w = c == null ? new Integer[3] : new Integer[] {c.injuredLow(), c.injuredBest(), c.injuredHigh()};
            Integer[] target = fig.killed() ? k : w;
            target[0] = sum(target[0], fig.low());
            target[1] = sum(target[1], fig.best());
            target[2] = sum(target[2], fig.high());
            bySide.put(String.valueOf(side), new ExtractedClaim(claimant, side, k[0], k[1], k[2], w[0], w[1], w[2], f.sentence().span()));
        }
        return new ArrayList<>(bySide.values());
    }

    private static Integer sum(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(a + b);
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

    /** Merges drafts of the same day: a region into a place within it, and features a few kilometres apart. */
    private static void merge(List<EventDraft> drafts) {
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < drafts.size(); i++) {
                for (int j = 0; j < drafts.size(); j++) {
                    EventDraft a = drafts.get(i);
                    EventDraft b = drafts.get(j);
                    if (i == j || !a.sameTime(b)) {
                        continue;
                    }
                    EventDraft into = mergeTarget(a, b);
                    if (into != null) {
                        EventDraft from = into == a ? b : a;
                        into.absorb(from);
                        drafts.remove(from);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
    }

    private static EventDraft mergeTarget(EventDraft a, EventDraft b) {
        if (a.type().isSettlement() && b.type().isSettlement()) {
            return null;
        }
        double km = km(a.place.place(), b.place.place());
        boolean aAdmin = a.type().isAdministrative();
        boolean bAdmin = b.type().isAdministrative();
        if (aAdmin != bAdmin) {
            return km <= REGION_KM ? (aAdmin ? b : a) : null;
        }
        if (km > FEATURE_KM) {
            return null;
        }
        int pa = a.type().geoPrecision();
        int pb = b.type().geoPrecision();
        if (pa != pb) {
            return pa < pb ? a : b;
        }
        return a.firstSentence() <= b.firstSentence() ? a : b;
    }

    /** Same place: a period ("since Monday") that contains another draft's day is that day's event. */
    private static void mergeWithin(List<EventDraft> drafts) {
        for (int i = 0; i < drafts.size(); i++) {
            for (int j = 0; j < drafts.size(); j++) {
                EventDraft day = drafts.get(i);
                EventDraft period = drafts.get(j);
                if (i == j || !day.place.place().id().equals(period.place.place().id()) || day.when.date() == null
                        || period.when.date() == null || period.when.end() == null || day.when.end() != null) {
                    continue;
                }
                if (!day.when.date().isBefore(period.when.date()) && !day.when.date().isAfter(period.when.end())) {
                    day.absorb(period);
                    day.refined &= period.refined;
                    drafts.remove(j);
                    mergeWithin(drafts);
                    return;
                }
            }
        }
    }

    /** A figure without a claimant (a headline) that an attributed claim of the report repeats adds nothing. */
    private static void dropRepeatedClaims(EventDraft d) {
        d.claims.removeIf(b -> b.claimant() == null && d.claims.stream().anyMatch(a -> a != b && a.claimant() != null
                && (b.casualtySide() == null || Objects.equals(a.casualtySide(), b.casualtySide()))
                && covers(a.fatalitiesBest(), b.fatalitiesBest()) && covers(a.injuredBest(), b.injuredBest())));
    }

    private static boolean covers(Integer attributed, Integer headline) {
        return headline == null || headline.equals(attributed);
    }

    /** One party's killed figure and, in the next sentence, its injured figure ("Another was injured") are one claim. */
    private static void joinClaims(EventDraft d) {
        for (int i = 0; i < d.claims.size(); i++) {
            for (int j = i + 1; j < d.claims.size(); j++) {
                ExtractedClaim a = d.claims.get(i);
                ExtractedClaim b = d.claims.get(j);
                boolean aKilledOnly = a.injuredBest() == null && a.injuredLow() == null && a.injuredHigh() == null;
                boolean bInjuredOnly = b.fatalitiesBest() == null && b.fatalitiesLow() == null && b.fatalitiesHigh() == null;
                if (a.claimant() != null && Objects.equals(a.claimant(), b.claimant()) && Objects.equals(a.casualtySide(), b.casualtySide())
                        && aKilledOnly && bInjuredOnly && b.span().start() - a.span().end() <= 3) {
                    d.claims.set(i, new ExtractedClaim(a.claimant(), a.casualtySide(), a.fatalitiesLow(), a.fatalitiesBest(),
                            a.fatalitiesHigh(), b.injuredLow(), b.injuredBest(), b.injuredHigh(), new Span(a.span().start(), b.span().end())));
                    d.claims.remove(j);
                    joinClaims(d);
                    return;
                }
            }
        }
    }

    /**
     * A region-level event the report places nowhere finer is put at the most specific place the
     * report's news names within the region, flagged as approximate.
     */
    private static void refineRegions(List<EventDraft> drafts, List<SentenceFacts> facts) {
        for (EventDraft d : drafts) {
            if (!d.type().isAdministrative()) {
                continue;
            }
            PlaceMention finer = null;
            for (SentenceFacts f : facts) {
                if (!f.isNews()) {
                    continue;
                }
                for (PlaceMention p : f.places()) {
                    Place place = p.candidate().place();
                    if (p.role() == PlaceMention.Role.LOCATION && !place.type().isAdministrative()
                            && km(place, d.place.place()) <= REGION_KM
                            && (finer == null || place.type().geoPrecision() < finer.candidate().place().type().geoPrecision())) {
                        finer = p;
                    }
                }
            }
            if (finer != null) {
                Candidate c = finer.candidate();
                d.place = new Candidate(c.place(), c.score(), c.matchedName(), Math.max(2, c.geoPrecision()));
                d.placeSpan = finer.span();
                d.refined = true;
            }
        }
    }

    /** Figures without a place go to the first event of their day in the victims' country, else the day's first event. */
    private static void attachUnlocated(List<EventDraft> drafts, List<EventDraft> unlocated) {
        for (EventDraft u : unlocated) {
            for (ExtractedClaim c : u.claims) {
                List<EventDraft> sameDay = drafts.stream().filter(d -> d.sameTime(u))
                        .sorted(Comparator.comparingInt(EventDraft::firstSentence)).toList();
                EventDraft target = sameDay.stream()
                        .filter(d -> c.casualtySide() != null && c.casualtySide().equals(d.place.place().country()))
                        .findFirst().orElse(sameDay.isEmpty() ? null : sameDay.get(0));
                if (target != null) {
                    if (!target.claims.contains(c)) {
                        target.claims.add(c);
                    }
                    for (SentenceFacts f : u.sentences) {
                        if (!target.figureSentences.contains(f)) {
                            target.figureSentences.add(f);
                        }
                    }
                }
            }
        }
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

    /** Without a publication date: the latest year written in full, to give month-day dates their year. */
    private static Integer latestYear(String text) {
        Integer latest = null;
        for (DateMention d : DateResolver.find(text, 0, text.length(), null, null)) {
            if (d.resolved() && (d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.MONTH)) {
                latest = latest == null ? d.date().getYear() : Math.max(latest, d.date().getYear());
            }
        }
        return latest;
    }

    private static double km(Place a, Place b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon()).s12 / 1000;
    }
}
