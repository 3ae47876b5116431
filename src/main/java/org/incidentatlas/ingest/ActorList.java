package org.incidentatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The small list of actors reports name (armed forces, border guards, militias, peacekeepers,
 * monitors, ministries, governments) with their names in English, Russian, Armenian and
 * Azerbaijani, read from {@code geodata/actors/actors.tsv}, and the finder of those names in text:
 * longest name first, whole words, case-insensitive, "defence" and "defense" alike.
 */
@Component
public class ActorList {

    static final String RESOURCE = "geodata/actors/actors.tsv";

    private final List<Actor> actors;
    private final Map<String, Actor> byAlias;
    private final Pattern names;

    public ActorList() throws IOException {
        this(read());
    }

    ActorList(List<Map.Entry<Actor, List<String>>> rows) {
        List<Actor> list = new ArrayList<>();
        Map<String, Actor> aliases = new HashMap<>();
        for (Map.Entry<Actor, List<String>> row : rows) {
            list.add(row.getKey());
            aliases.putIfAbsent(normal(row.getKey().name()), row.getKey());
            for (String alias : row.getValue()) {
                aliases.putIfAbsent(normal(alias), row.getKey());
            }
        }
        this.actors = List.copyOf(list);
        this.byAlias = Map.copyOf(aliases);
        String alternation = aliases.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(a -> Pattern.quote(a).replace(" ", "\\E\\s+\\Q"))
                .reduce((a, b) -> a + "|" + b).orElse("(?!)");
        this.names = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public List<Actor> actors() {
        return actors;
    }

    Optional<Actor> byId(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Every actor name in {@code text[from, to)}, in order. */
    List<ActorMention> find(String text, int from, int to) {
        String folded = fold(text);
        Matcher m = names.matcher(folded).region(from, to);
        List<ActorMention> out = new ArrayList<>();
        while (m.find()) {
            Actor a = byAlias.get(normal(m.group()));
            if (a != null) {
                out.add(new ActorMention(a, new Span(m.start(), m.end()), text.substring(m.start(), m.end())));
            }
        }
        return out;
    }

    /** Same length as the input, so offsets stay valid: one apostrophe, one spelling of "defense". */
    private static String fold(String text) {
        return text.replace('’', '\'').replaceAll("(?i)defence", "defense");
    }

    private static String normal(String s) {
        return fold(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static List<Map.Entry<Actor, List<String>>> read() throws IOException {
        String content;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map.Entry<Actor, List<String>>> rows = new ArrayList<>();
        String[] lines = content.split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] c = lines[i].split("\t", -1);
            String country = c[header.indexOf("country")].strip();
            Actor actor = new Actor(c[header.indexOf("id")], c[header.indexOf("name")], c[header.indexOf("kind")],
                    country.isEmpty() ? null : country);
            List<String> aliases = new ArrayList<>();
            for (String alias : c[header.indexOf("aliases")].split("\\|")) {
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
