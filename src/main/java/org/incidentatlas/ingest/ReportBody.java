package org.incidentatlas.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.incidentatlas.web.FieldError;
import org.incidentatlas.web.JsonBodies;

import tools.jackson.databind.JsonNode;

/**
 * A report as JSON — {@code {text, title?, url?, outlet?, published_at?, language?}} — for the
 * API, the batch formats and the command line. {@code published_at} is an ISO date
 * ({@code 2024-02-13}, taken as that day at 00:00 UTC) or date-time (with an offset, or UTC).
 * The sizes are checked by {@link ReportLimits} on every report however it came in (JSON, plain
 * text, files), so they are not repeated here as annotations.
 */
public record ReportBody(String text, String title, String url, String outlet, @JsonProperty("published_at") String publishedAt,
                         String language) {

    public static final Set<String> FIELDS = Set.of("text", "title", "url", "outlet", "published_at", "language");

    /** Reads one report; {@code at} names it in errors ("" for the body, "[3]" in a batch). Throws {@link InvalidReportException}. */
    public static ReportInput read(JsonBodies bodies, JsonNode node, String at) {
        String self = at.isEmpty() ? "body" : at;
        if (node == null || !node.isObject()) {
            throw new InvalidReportException(false, List.of(new FieldError(self,
                    "must be a JSON object {\"text\": …, \"title\": …, \"url\": …, \"outlet\": …, \"published_at\": …, \"language\": …}")));
        }
        JsonBodies.Read<ReportBody> read = bodies.read(node, ReportBody.class, at);
        List<FieldError> errors = new ArrayList<>();
        read.unknownProperties().values().forEach(unknown -> errors.add(new FieldError(self,
                "unknown field(s) " + unknown + "; a report has " + new TreeSet<>(FIELDS))));
        errors.addAll(read.errors());
        if (read.value() == null) {
            throw new InvalidReportException(false, errors);
        }
        OffsetDateTime publishedAt = null;
        String published = read.value().publishedAt();
        if (published != null) {
            try {
                publishedAt = publishedAt(published);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(prefix(at) + "published_at", "'" + published
                        + "' is not an ISO date or date-time (2024-02-13, 2024-02-13T09:30:00+04:00)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidReportException(false, errors);
        }
        ReportBody b = read.value();
        ReportInput r = new ReportInput(b.text(), blankToNull(b.title()), blankToNull(b.url()), blankToNull(b.outlet()), publishedAt,
                blankToNull(b.language()));
        ReportLimits.check(r, prefix(at));
        return r;
    }

    /**
     * Reads a batch, all or nothing: throws one {@link InvalidReportException} naming every invalid
     * report's fields ("[3].text"), {@code tooLarge} only when size is all that is wrong.
     */
    public static List<ReportInput> readAll(JsonBodies bodies, List<JsonNode> items) {
        if (items.isEmpty()) {
            throw InvalidReportException.of("body", "the batch holds no reports");
        }
        List<ReportInput> inputs = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        boolean onlyTooLarge = true;
        for (int i = 0; i < items.size(); i++) {
            try {
                inputs.add(read(bodies, items.get(i), "[" + i + "]"));
            } catch (InvalidReportException e) {
                errors.addAll(e.errors());
                onlyTooLarge &= e.tooLarge();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidReportException(onlyTooLarge, errors);
        }
        return inputs;
    }

    /** ISO date (the day at 00:00 UTC), date-time with offset, or local date-time (UTC). */
    public static OffsetDateTime publishedAt(String s) {
        String v = s.strip();
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
        }
    }

    private static String prefix(String at) {
        return at.isEmpty() ? "" : at + ".";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
