package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who acted and who was acted on in an event, from the forces its sentences name. A force is a
 * target when the words before it say so ("against the …", "at the positions of …", "a post of
 * the … was attacked") or when it is the victim of a casualty figure; the others act. Failing an
 * actor in the event's own sentences, the report's first force of another country stands in.
 */
final class EventActors {

    private static final Pattern TARGET_BEFORE = Pattern.compile("(?:against|at|on|targeting|toward|towards|positions? of"
            + "|posts? of|direction of)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE_AFTER = Pattern.compile("^[^.;]{0,20}?\\b(?:was|were|had been|has been|have been)"
            + " (?:attacked|shelled|targeted|fired (?:up)?on|hit|struck|bombed|destroyed)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern OWN_FORCES = Pattern.compile("\\bits (?:army|troops|forces|units|soldiers|military)\\b"
            + "(?! (?:were|was|had been|have been) (?:attacked|targeted|shelled|hit|fired))", Pattern.CASE_INSENSITIVE);

    /** The acting force and the force acted on; either may be null. */
    record Pair(Actor actor1, Actor actor2) {
    }

    private EventActors() {
    }

    static Pair of(String text, List<SentenceFacts> sentences, List<ActorMention> reportForces, ActorList list) {
        List<Actor> acting = new ArrayList<>();
        List<Actor> targets = new ArrayList<>();
        for (SentenceFacts f : sentences) {
            // "Azerbaijan said its army took …": the speaker's own forces act
            f.attribution().filter(at -> at.country() != null && OWN_FORCES.matcher(f.sentence().text()).find())
                    .flatMap(at -> list.actors().stream().filter(x -> "military".equals(x.kind()) && at.country().equals(x.country())).findFirst())
                    .filter(x -> !acting.contains(x))
                    .ifPresent(acting::add);
            for (ActorMention a : f.actors()) {
                // the force that reports ("the Defence Army said") is a source here, not a party
                if (!a.actor().isForce() || f.attribution().filter(at -> at.span().equals(a.span())).isPresent()) {
                    continue;
                }
                List<Actor> into = isTarget(text, f, a) ? targets : acting;
                if (!into.contains(a.actor())) {
                    into.add(a.actor());
                }
            }
        }
        String targetCountry = targets.isEmpty() ? null : targets.get(0).country();
        Actor actor1 = acting.stream().filter(a -> targetCountry == null || !targetCountry.equals(a.country())).findFirst()
                .orElse(null);
        if (actor1 == null) {
            actor1 = reportForces.stream().map(ActorMention::actor)
                    .filter(a -> targetCountry == null ? !targets.contains(a) : !targetCountry.equals(a.country()))
                    .findFirst().orElse(null);
        }
        if (actor1 == null) {
            // "fire from the Ordubad district" names no forces: fire from a party's side is its forces' fire
            actor1 = sentences.stream().flatMap(f -> f.places().stream()).filter(p -> p.role() == PlaceMention.Role.ORIGIN)
                    .map(p -> p.candidate().place().country()).filter(c -> "ARM".equals(c) || "AZE".equals(c))
                    .filter(c -> targetCountry == null || !targetCountry.equals(c)).findFirst()
                    .flatMap(c -> list.actors().stream().filter(x -> "military".equals(x.kind()) && c.equals(x.country())).findFirst())
                    .orElse(null);
        }
        Actor first = actor1;
        List<Actor> others = new ArrayList<>(targets);
        others.addAll(acting);
        reportForces.forEach(m -> others.add(m.actor()));
        Actor actor2 = others.stream().filter(a -> first == null ? true : !a.equals(first) && !Objects.equals(a.country(), first.country()))
                .findFirst().orElse(null);
        if (actor1 == null && actor2 != null) {
            return new Pair(actor2, null);
        }
        return new Pair(actor1, actor2);
    }

    private static boolean isTarget(String text, SentenceFacts f, ActorMention a) {
        boolean victim = f.figures().stream().anyMatch(fig -> fig.span().start() <= a.span().start() && a.span().end() <= fig.span().end());
        String before = text.substring(Math.max(f.sentence().start(), a.span().start() - 40), a.span().start());
        String after = text.substring(a.span().end(), Math.min(f.sentence().end(), a.span().end() + 40));
        return victim || TARGET_BEFORE.matcher(before).find() || PASSIVE_AFTER.matcher(after).find();
    }
}
