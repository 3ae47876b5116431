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

import org.incidentatlas.web.FieldError;


import tools.jackson.databind.JsonNode;

/**
 * A report as JSON — {@code {text, title?, url?, outlet?, published_at?, language?}} — for the
 * API, the batch formats and the command line. {@code published_at} is an ISO date
 * ({@code 2024-02-13}, taken as that day at 00:00 UTC) or date-time (with an offset, or UTC).
 */
public final class ReportJson {

    public static final Set<String> FIELDS = Set.of("text", "title", "url", "outlet", "published_at", "language");

    private ReportJson() {
    }

    /** Reads one report; {@code at} prefixes field names in errors ("" or "[3]."). Throws {@link InvalidReportException}. */
    public static ReportInput read(JsonNode node, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new InvalidReportException(false, List.of(new FieldError(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                    "must be a JSON object {\"text\": …, \"title\": …, \"url\": …, \"outlet\": …, \"published_at\": …, \"language\": …}")));
        }
        Set<String> unknown = new TreeSet<>();
        node.propertyNames().forEach(n -> {
            if (!FIELDS.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                    "unknown field(s) " + unknown + "; a report has " + new TreeSet<>(FIELDS)));
        }
        String text = string(node, "text", at, errors);
        String published = string(node, "published_at", at, errors);
        OffsetDateTime publishedAt = null;
        if (published != null) {
            try {
                publishedAt = publishedAt(published);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + "published_at", "'" + published
                        + "' is not an ISO date or date-time (2024-02-13, 2024-02-13T09:30:00+04:00)"));
            }
        }
        ReportInput r = new ReportInput(text, blankToNull(string(node, "title", at, errors)), blankToNull(string(node, "url", at, errors)),
                blankToNull(string(node, "outlet", at, errors)), publishedAt, blankToNull(string(node, "language", at, errors)));
        if (!errors.isEmpty()) {
            throw new InvalidReportException(false, errors);
        }
        ReportLimits.check(r, at);
        return r;
    }

    /**
     * Reads a batch, all or nothing: throws one {@link InvalidReportException} naming every invalid
     * report's fields ("[3].text"), {@code tooLarge} only when size is all that is wrong.
     */
    public static List<ReportInput> readAll(List<JsonNode> items) {
        if (items.isEmpty()) {
            throw InvalidReportException.of("body", "the batch holds no reports");
        }
        List<ReportInput> inputs = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        boolean onlyTooLarge = true;
        for (int i = 0; i < items.size(); i++) {
            try {
                inputs.add(read(items.get(i), "[" + i + "]."));
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

    private static String string(JsonNode node, String name, String at, List<FieldError> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(at + name, "must be a string"));
            return null;
        }
        return v.asString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
