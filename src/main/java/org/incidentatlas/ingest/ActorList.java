package org.incidentatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.incidentatlas.tabular.Tsv;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The small list of actors reports name (armed forces, border guards, militias, peacekeepers,
 * monitors, ministries, governments) with their names in English, Russian, Armenian and
 * Azerbaijani, read from {@code geodata/actors/actors.tsv}, and the finder of those names in text:
 * longest name first, whole words, any case, "defence" and "defense" alike.
 */
@Component
public class ActorList {

    static final String RESOURCE = "geodata/actors/actors.tsv";

    private final List<Actor> actors;
    /** Aliases as word lists, by their first word, longest first. */
    private final Map<String, List<Alias>> byFirstWord;

    private record Alias(List<String> words, Actor actor) {
    }

    public ActorList() throws IOException {
        this(read());
    }

    ActorList(List<Map.Entry<Actor, List<String>>> rows) {
        List<Actor> list = new ArrayList<>();
        Map<String, List<Alias>> index = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<Actor, List<String>> row : rows) {
            list.add(row.getKey());
            List<String> names = new ArrayList<>(row.getValue());
            names.add(0, row.getKey().name());
            for (String name : names) {
                List<String> words = words(name);
                if (!words.isEmpty() && seen.add(String.join(" ", words))) {
                    index.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Alias(words, row.getKey()));
                }
            }
        }
        index.values().forEach(l -> l.sort(Comparator.comparingInt((Alias a) -> -a.words().size())));
        this.actors = List.copyOf(list);
        this.byFirstWord = Map.copyOf(index);
    }

    public List<Actor> actors() {
        return actors;
    }

    /** The country (ISO3) of the actor with this normalised name; empty for unknown names and actors of no country. */
    Optional<String> countryOf(String name) {
        return name == null ? Optional.empty()
                : actors.stream().filter(a -> a.name().equals(name)).map(Actor::country).filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<Actor> byId(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Every actor name in {@code text[from, to)}, in order: whole words, longest name first. */
    List<ActorMention> find(String text, int from, int to) {
        List<Token> tokens = Token.of(text, from, to);
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            words.add(word(t.text()));
        }
        List<ActorMention> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Alias alias : byFirstWord.getOrDefault(words.get(i), List.of())) {
                int n = alias.words().size();
                if (i + n <= tokens.size() && matchesAt(words, i, alias.words()) && joined(text, tokens, i, n)) {
                    Token last = tokens.get(i + n - 1);
                    int end = words.get(i + n - 1).equals(alias.words().get(n - 1)) ? last.end()
                            : last.start() + alias.words().get(n - 1).length();
                    Span span = new Span(tokens.get(i).start(), end);
                    out.add(new ActorMention(alias.actor(), span, span.of(text)));
                    i += n - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** The alias's words from position i; the last may carry a hyphenated ending ("ՊՆ-ն", "Baku-based"). */
    private static boolean matchesAt(List<String> words, int i, List<String> alias) {
        int n = alias.size();
        if (!words.subList(i, i + n - 1).equals(alias.subList(0, n - 1))) {
            return false;
        }
        String last = words.get(i + n - 1);
        return last.equals(alias.get(n - 1)) || last.startsWith(alias.get(n - 1) + "-");
    }

    /** The words of a name are only separated by spaces, hyphens or an apostrophe ("Armenia's"). */
    private static boolean joined(String text, List<Token> tokens, int first, int n) {
        for (int k = first + 1; k < first + n; k++) {
            for (int c = tokens.get(k - 1).end(); c < tokens.get(k).start(); c++) {
                char ch = text.charAt(c);
                if (!Character.isWhitespace(ch) && ch != '\'' && ch != '’' && ch != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (Token t : Token.of(name, 0, name.length())) {
            out.add(word(t.text()));
        }
        return out;
    }

    /** One spelling for "defence" and "defense", any case. */
    private static String word(String token) {
        String w = Lowercase.of(token);
        return w.equals("defence") ? "defense" : w;
    }

    private static List<Map.Entry<Actor, List<String>>> read() throws IOException {
        String content;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map.Entry<Actor, List<String>>> rows = new ArrayList<>();
        for (Map<String, String> c : Tsv.rows(content)) {
            String country = c.get("country");
            Actor actor = new Actor(c.get("id"), c.get("name"), c.get("kind"), country.isEmpty() ? null : country);
            List<String> aliases = new ArrayList<>();
            for (String alias : c.get("aliases").split("\\|")) {
                int colon = alias.indexOf(':');
                String name = (colon > 0 && colon < 8 ? alias.substring(colon + 1) : alias).strip();
                if (!name.isEmpty()) {
                    aliases.add(name);
                }
            }
            rows.add(Map.entry(actor, aliases));
        }
        return rows;
    }
}
