package org.incidentatlas.ingest;

import java.util.Comparator;
import java.util.List;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Place;

/**
 * Turns a report's drafts into one event per event, place and day: drafts of the same day merge
 * when one is a region and the other a place within it, or when non-settlement features (heights,
 * corridors, directions) lie a few kilometres apart; a period at a place merges into a day it
 * contains; one side's "direction" joins the other side's place it faces; a region-level event is put at the most specific place the report names within it;
 * figures without a place go to the day's event on the victims' side.
 */
final class EventMerging {

    /** A region-level mention on the same day as a place within this distance is the same event. */
    static final double REGION_KM = 60;
    /** Non-settlement features (heights, corridors, directions) this close on the same day are the same event. */
    static final double FEATURE_KM = 10;

    private EventMerging() {
    }

    /** Merges drafts of the same day: a region into a place within it, and features a few kilometres apart. */
    static void merge(List<EventDraft> drafts) {
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


    /**
     * One side's "X direction" on a day the report also names a place of the other side that the
     * direction faces ({@link Facing}) is that side's account of the same exchange: it joins the
     * nearest such place's event, with its sentences and claims.
     */
    static void mergeDirections(List<EventDraft> drafts) {
        for (EventDraft direction : List.copyOf(drafts)) {
            Place from = direction.place.place();
            drafts.stream()
                    .filter(d -> d != direction && d.sameTime(direction) && Facing.faces(from, d.place.place()))
                    .min(Comparator.comparingDouble(d -> km(from, d.place.place())))
                    .ifPresent(village -> {
                        village.absorb(direction);
                        drafts.remove(direction);
                    });
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
    static void mergeWithin(List<EventDraft> drafts) {
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


    /**
     * A region-level event the report places nowhere finer is put at the most specific place the
     * report's news names within the region, flagged as approximate.
     */
    static void refineRegions(List<EventDraft> drafts, List<SentenceFacts> facts) {
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
                d.place = c.withGeoPrecision(Math.max(2, c.geoPrecision()));
                d.placeSpan = finer.span();
                d.refined = true;
            }
        }
    }


    /** Figures without a place go to the first event of their day in the victims' country, else the day's first event. */
    static void attachUnlocated(List<EventDraft> drafts, List<EventDraft> unlocated) {
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


    private static double km(Place a, Place b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon()).s12 / 1000;
    }
}
