package org.incidentatlas.ingest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.incidents.EventTaxonomy;

/**
 * Classifies a sentence by the words that name violence: shelling and artillery, drone and air
 * strikes, mines, grenades, seizures of positions, sniper and small-arms fire, attacks and clashes,
 * and killings or injuries of civilians. Remote violence outranks battles, so "shelled and
 * stormed" is an explosion event; within a rank the first cue wins. Words for the absence of
 * fire ("ceased fire", "ceasefire agreement") are no cue.
 */
final class EventClassifier {

    /** The patterns are matched against lower-cased text. */
    private static final int FLAGS = 0;

    private record Rule(Pattern pattern, String eventType, String subEventType, int rank, boolean seizure) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\b(?:shell(?:ing|ed|s)?|artillery|mortars?|rockets?|missiles?|bomb(?:ing|ings|ed|s)?"
                    + "|bombard\\w*|howitzers?|heavy weapons|mlrs|multiple[- ]rocket)\\b", FLAGS),
                    EventTaxonomy.EXPLOSIONS, "Shelling/artillery/missile attack", 6, false),
            new Rule(Pattern.compile("\\b(?:drones?|uavs?|unmanned (?:aerial|aircraft)\\w*|air ?strikes?|bayraktars?"
                    + "|loitering munitions?|quadcopters?|combat aircraft|aviation)\\b", FLAGS),
                    EventTaxonomy.EXPLOSIONS, "Air/drone strike", 6, false),
            new Rule(Pattern.compile("\\b(?:land ?mines?|mine (?:blast|explosion)|(?:stepped on|hit|detonated) an? (?:\\w+ )?(?:mine|explosive)"
                    + "|explosive devices?|ieds?)\\b", FLAGS),
                    EventTaxonomy.EXPLOSIONS, "Remote explosive/landmine/IED", 6, false),
            new Rule(Pattern.compile("\\bgrenades?\\b(?!\\s+launchers?)", FLAGS), EventTaxonomy.EXPLOSIONS, "Grenade", 5, false),
            new Rule(Pattern.compile("\\b(?:seiz(?:ed|e|es|ing|ure)|captur(?:ed|e|es|ing)|(?:took|taken|take|establish(?:ed)?|gained)"
                    + " (?:full )?control|took over|taken over|occupied|overran|(?:took|taken|take) (?:new |up )?positions)\\b", FLAGS),
                    EventTaxonomy.BATTLES, "Armed clash", 4, true),
            new Rule(Pattern.compile("\\b(?:snipers?|small[- ]arms|gunfire|gun fire|open(?:ed|ing|s)? (?:intense |intensive |heavy )?fire"
                    + "|fired (?:up)?on|fired at|fired small|firing at|fire ?fights?|exchanges? of fire|exchanged fire|shoot(?:ing|out)s?"
                    + "|shot (?:dead|at)|machine[- ]guns?|automatic weapons|large[- ]caliber|targeted by (?:fire|gunfire)"
                    + "|(?:came|come|comes|coming) under fire|fire from)\\b", FLAGS),
                    EventTaxonomy.BATTLES, "Armed clash", 3, false),
            new Rule(Pattern.compile("\\b(?:attack(?:s|ed|ing)?|assault(?:s|ed)?|offensive|clash(?:es|ed)?|fighting|hostilities|battles?"
                    + "|skirmish(?:es)?|sabotage|incursions?|ceasefire violations?|violat\\w* (?:of )?the ceasefire"
                    + "|(?:military|retaliation|retaliatory|revenge|combat|punitive) (?:operation|strike)s?"
                    + "|operation (?:revenge|retribution|retaliation))\\b", FLAGS),
                    EventTaxonomy.BATTLES, "Armed clash", 2, false));

    private static final Pattern CIVILIAN_VICTIMS = Pattern.compile(
            "\\b(?:civilians?|villagers?|farmers?|shepherds?|residents?|children|child|women|tractor driver|worker)\\b", FLAGS);

    private EventClassifier() {
    }

    /** The sentence's event class, if it names violence; {@code hasCasualties} admits killings and injuries alone. */
    static Optional<EventClass> classify(String text, Sentence s, boolean hasCasualties) {
        String sentence = Lowercase.of(text.substring(s.start(), s.end()));
        EventClass best = null;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(sentence);
            if (m.find() && (best == null || r.rank() > best.rank())) {
                best = new EventClass(r.eventType(), r.subEventType(), r.rank(), r.seizure(),
                        new Span(s.start() + m.start(), s.start() + m.end()));
            }
        }
        boolean civilians = CIVILIAN_VICTIMS.matcher(sentence).find();
        if (best == null && hasCasualties) {
            best = civilians
                    ? new EventClass(EventTaxonomy.VIOLENCE_AGAINST_CIVILIANS, "Attack", 1, false, s.span())
                    : new EventClass(EventTaxonomy.BATTLES, "Armed clash", 1, false, s.span());
        } else if (best != null && civilians && hasCasualties && best.rank() <= 3 && !best.seizure()) {
            best = new EventClass(EventTaxonomy.VIOLENCE_AGAINST_CIVILIANS, "Attack", best.rank(), false, best.cue());
        }
        return Optional.ofNullable(best);
    }
}
