package org.incidentatlas.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a sentence attributes its facts to: "according to X", "X said / reported / confirmed /
 * informed …", "X's press service". X is an actor of the list (a ministry, a government, a capital
 * standing for it, an army) or, after "according to", any capitalised name (an outlet). A bare
 * "the ministry said" is anaphoric. A country name before a speech verb stands for its government.
 */
final class Claimants {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SPEECH = "(?:said|says|say|reported|reports|report|announced|announces|confirmed|confirms|informed"
            + "|stated|states|claimed|claims|noted|added|adding|told|denied|denies|accused|accuses|stressed|indicated|declared"
            + "|insisted|published|wrote|writes|recorded|warned|alleged)";
    private static final Pattern ACCORDING_TO = Pattern.compile("\\baccording to (?:the )?(?:version of (?:the )?)?", FLAGS);
    private static final Pattern OUTLET = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}.\\-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}.\\-]*){0,3}");
    private static final Pattern SPEECH_AFTER = Pattern.compile("^[\\s,]*(?:(?:has|have|had|also|later|then|earlier|in a statement|"
            + "on \\w+|\\w+ly)[\\s,]+){0,3}" + SPEECH, FLAGS);
    /** "the authorities … that control the region confirmed": a speech verb after a relative clause. */
    private static final Pattern RELATIVE_SPEECH = Pattern.compile("^\\s*,?\\s*(?:that|which|who)\\b[^.;:,]{0,50}?\\b" + SPEECH, FLAGS);
    private static final Pattern PRESS_SERVICE = Pattern.compile("^['’]s\\s+press\\s+(?:service|center|centre|office)", FLAGS);
    private static final Pattern ANAPHORA = Pattern.compile("\\b(?:the|its|this) (?:(?:defen[cs]e )?ministry|department|agency|"
            + "press (?:service|center|centre)|military department|border service)(?:['’]s press (?:service|center|centre))?[\\s,]+"
            + "(?:(?:has|have|had|also|later|then|in a statement)[\\s,]+){0,2}" + SPEECH, FLAGS);
    private static final Pattern COUNTRY = Pattern.compile("\\b(Armenia|Azerbaijan|Russia)\\s+(?:(?:has|had|also|later|then)\\s+){0,2}"
            + SPEECH, FLAGS);
    private static final Map<String, String> COUNTRY_GOVERNMENT = Map.of("armenia", "arm-government", "azerbaijan", "aze-government",
            "russia", "rus-government");

    private final ActorList actors;

    Claimants(ActorList actors) {
        this.actors = actors;
    }

    Optional<Attribution> find(String text, Sentence s, List<ActorMention> inSentence) {
        Attribution best = null;
        Matcher according = ACCORDING_TO.matcher(text).region(s.start(), s.end());
        while (according.find() && best == null) {
            int at = according.end();
            for (ActorMention a : inSentence) {
                if (a.span().start() >= at && a.span().start() <= at + 4) {
                    best = of(a);
                    break;
                }
            }
            if (best == null) {
                Matcher outlet = OUTLET.matcher(text).region(at, s.end());
                if (outlet.lookingAt()) {
                    String name = outlet.group().replaceAll("[.\\-]+$", "");
                    best = new Attribution(name, null, new Span(at, at + name.length()), false);
                }
            }
        }
        for (ActorMention a : inSentence) {
            if (best != null && best.span().start() <= a.span().start()) {
                break;
            }
            int limit = Math.min(s.end(), a.span().end() + 60);
            for (ActorMention other : inSentence) {
                if (other.span().start() > a.span().end()) {
                    limit = Math.min(limit, other.span().start());
                    break;
                }
            }
            String after = text.substring(a.span().end(), limit);
            if (SPEECH_AFTER.matcher(after).find() || PRESS_SERVICE.matcher(after).find()
                    || a.actor().isAuthority() && RELATIVE_SPEECH.matcher(after).find()) {
                best = of(a);
                break;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        Matcher country = COUNTRY.matcher(text).region(s.start(), s.end());
        if (country.find()) {
            Optional<Actor> gov = actors.byId(COUNTRY_GOVERNMENT.get(country.group(1).toLowerCase(java.util.Locale.ROOT)));
            if (gov.isPresent()) {
                return Optional.of(new Attribution(gov.get().name(), gov.get().country(),
                        new Span(country.start(1), country.end(1)), false));
            }
        }
        Matcher anaphora = ANAPHORA.matcher(text).region(s.start(), s.end());
        if (anaphora.find()) {
            return Optional.of(new Attribution(null, null, new Span(anaphora.start(), anaphora.end()), true));
        }
        return Optional.empty();
    }

    private static Attribution of(ActorMention a) {
        return new Attribution(a.actor().name(), a.actor().country(), a.span(), false);
    }
}
