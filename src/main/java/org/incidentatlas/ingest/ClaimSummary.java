package org.incidentatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.incidentatlas.incidents.Casualties;

/**
 * Summarises conflicting casualty claims as low / best / high. Claims about different sides add
 * up (one side's dead and the other's); claims about the same side are alternatives: the range
 * spans them and the best estimate is their (lower) median. A claim that names no side is an
 * alternative figure for the whole incident: it widens the range.
 */
final class ClaimSummary {

    static final String UNATTRIBUTED = "unattributed";

    private ClaimSummary() {
    }

    static Casualties fatalities(List<IncidentFusion.ExtractedClaimOf> claims) {
        return summarise(claims, c -> figure(c.fatalitiesLow(), c.fatalitiesBest(), c.fatalitiesHigh()));
    }

    static Casualties injured(List<IncidentFusion.ExtractedClaimOf> claims) {
        return summarise(claims, c -> figure(c.injuredLow(), c.injuredBest(), c.injuredHigh()));
    }

    /** The claim in words, e.g. "at least 2 killed, 3 injured (ARM side)". */
    static String describe(ExtractedClaim c) {
        List<String> parts = new ArrayList<>();
        words(figure(c.fatalitiesLow(), c.fatalitiesBest(), c.fatalitiesHigh()), "killed", parts);
        words(figure(c.injuredLow(), c.injuredBest(), c.injuredHigh()), "injured", parts);
        String text = parts.isEmpty() ? "no figures" : String.join(", ", parts);
        return c.casualtySide() == null ? text : text + " (" + c.casualtySide() + " side)";
    }

    private static void words(Figure f, String what, List<String> parts) {
        if (f == null) {
            return;
        }
        if (f.exactLow() != null && f.exactHigh() == null && f.exactLow() == f.best()) {
            parts.add("at least " + f.low() + " " + what);
        } else if (f.exactHigh() != null && f.exactLow() == null && f.exactHigh() == f.best()) {
            parts.add("up to " + f.high() + " " + what);
        } else if (f.low() == f.high()) {
            parts.add(f.best() + " " + what);
        } else {
            parts.add(f.low() + "-" + f.high() + " " + what);
        }
    }

    private static Casualties summarise(List<IncidentFusion.ExtractedClaimOf> claims, Function<ExtractedClaim, Figure> figure) {
        Map<String, List<Figure>> bySide = new TreeMap<>();
        List<Figure> unsided = new ArrayList<>();
        for (IncidentFusion.ExtractedClaimOf x : claims) {
            Figure f = figure.apply(x.claim());
            if (f == null) {
                continue;
            }
            if (x.claim().casualtySide() == null) {
                unsided.add(f);
            } else {
                bySide.computeIfAbsent(x.claim().casualtySide(), k -> new ArrayList<>()).add(f);
            }
        }
        if (bySide.isEmpty() && unsided.isEmpty()) {
            return Casualties.UNKNOWN;
        }
        int low = 0;
        int best = 0;
        int high = 0;
        if (bySide.isEmpty()) {
            Casualties alone = alternatives(unsided);
            return alone;
        }
        for (List<Figure> side : bySide.values()) {
            Casualties c = alternatives(side);
            low += c.low();
            best += c.best();
            high += c.high();
        }
        for (Figure f : unsided) {
            low = Math.min(low, f.low());
            high = Math.max(high, f.high());
        }
        return new Casualties(best, low, high);
    }

    private static Casualties alternatives(List<Figure> figures) {
        List<Integer> bests = figures.stream().map(Figure::best).sorted().toList();
        int low = figures.stream().mapToInt(Figure::low).min().orElseThrow();
        int high = figures.stream().mapToInt(Figure::high).max().orElseThrow();
        return new Casualties(bests.get((bests.size() - 1) / 2), low, high);
    }

    /** One claim's figure made consistent: low <= best <= high, missing parts taken from the others. */
    private record Figure(int low, int best, int high, Integer exactLow, Integer exactHigh) {
    }

    private static Figure figure(Integer low, Integer best, Integer high) {
        Integer b = best != null ? best : low != null ? low : high;
        if (b == null || b < 0) {
            return null;
        }
        int l = low == null || low < 0 ? b : Math.min(low, b);
        int h = high == null ? b : Math.max(high, b);
        return new Figure(l, b, h, low, high);
    }
}
