package org.incidentatlas.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.gazetteer.LiveGazetteer;
import org.incidentatlas.incidents.Incident;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.incidents.IncidentValidator;
import org.springframework.stereotype.Component;

/**
 * Puts newly stored report events into incidents. An incident is a connected group of events
 * under {@link FusionRule}; a new event may join groups, which then become one. Each touched
 * group's incident is rebuilt from all its events by {@link IncidentFusion}, so the result does
 * not depend on the order reports arrived in. Incidents an analyst reviewed or rejected are
 * never rewritten: the new events are only linked to them as further sources.
 */
@Component
public class FusionStep {

    private final ReportEventStore events;
    private final IncidentStore incidents;
    private final IncidentValidator validator;
    private final FusionRule rule;
    private final IncidentFusion fusion = new IncidentFusion();

    public FusionStep(ReportEventStore events, IncidentStore incidents, IncidentValidator validator, ActorList actors,
                      BorderRegistry borders, LiveGazetteer gazetteer) {
        this.events = events;
        this.incidents = incidents;
        this.validator = validator;
        this.rule = new FusionRule(actors, borders::current, id -> gazetteer.current().place(id));
    }

    /** What fusing a report's events changed. */
    public record Outcome(List<Long> created, List<Long> updated, List<Long> merged, List<Long> linked) {
    }

    /** Call inside the ingestion transaction, after the new events are stored. */
    public Outcome apply(List<ReportEvent> added) {
        Set<ReportEvent.Key> done = new HashSet<>();
        Set<Long> created = new TreeSet<>();
        Set<Long> updated = new TreeSet<>();
        Set<Long> merged = new TreeSet<>();
        Set<Long> linked = new TreeSet<>();
        // one query per day window per report: groups are disjoint, so what one group writes never changes another's rows
        Map<java.time.LocalDate, List<ReportEvent>> byWindow = new java.util.HashMap<>();
        for (ReportEvent start : added.stream().sorted(ReportEvent.CANONICAL).toList()) {
            if (done.contains(start.key())) {
                continue;
            }
            List<ReportEvent> group = connected(start, byWindow);
            group.forEach(e -> done.add(e.key()));
            writeIncident(group, created, updated, merged, linked);
        }
        updated.removeAll(created);
        return new Outcome(List.copyOf(created), List.copyOf(updated), List.copyOf(merged), List.copyOf(linked));
    }

    /** Every stored event reachable from {@code start} through "same event" steps, and the events of incidents they are in. */
    private List<ReportEvent> connected(ReportEvent start, Map<java.time.LocalDate, List<ReportEvent>> byWindow) {
        Map<ReportEvent.Key, ReportEvent> group = new LinkedHashMap<>();
        Deque<ReportEvent> todo = new ArrayDeque<>();
        group.put(start.key(), start);
        todo.add(start);
        Set<Long> incidentsSeen = new HashSet<>();
        while (!todo.isEmpty()) {
            ReportEvent e = todo.poll();
            List<ReportEvent> candidates = e.dateEnd() == null
                    ? byWindow.computeIfAbsent(e.date(), d -> events.overlapping(d.minusDays(1), d.plusDays(1)))
                    : events.overlapping(e.date().minusDays(1), e.lastDay().plusDays(1));
            List<ReportEvent> near = new ArrayList<>(candidates.stream().filter(other -> rule.sameEvent(e, other)).toList());
            if (e.incidentId() != null && incidentsSeen.add(e.incidentId())) {
                near.addAll(events.ofIncident(e.incidentId()));
            }
            for (ReportEvent n : near) {
                if (group.putIfAbsent(n.key(), n) == null) {
                    todo.add(n);
                }
            }
        }
        return List.copyOf(group.values());
    }

    private void writeIncident(List<ReportEvent> group, Set<Long> created, Set<Long> updated, Set<Long> merged, Set<Long> linked) {
        List<Incident> existing = group.stream().map(ReportEvent::incidentId).filter(java.util.Objects::nonNull).distinct().sorted()
                .map(incidents::find).flatMap(Optional::stream).toList();
        Optional<Incident> owned = existing.stream().filter(i -> i.data().status().ownedByAnalyst()).findFirst();
        if (owned.isPresent()) {
            long target = owned.get().id();
            events.link(group.stream().filter(e -> e.incidentId() == null).map(ReportEvent::key).toList(), target);
            linked.add(target);
            return;
        }
        IncidentData data = fusion.fuse(group);
        validator.check(data);
        long target;
        if (existing.isEmpty()) {
            target = incidents.create(data).id();
            created.add(target);
        } else {
            target = existing.get(0).id();
            incidents.update(target, data, null);
            updated.add(target);
        }
        events.link(group.stream().map(ReportEvent::key).toList(), target);
        for (Incident other : existing.subList(existing.isEmpty() ? 0 : 1, existing.size())) {
            incidents.delete(other.id(), null);
            merged.add(other.id());
            updated.remove(other.id());
        }
    }
}
