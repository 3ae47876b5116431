package org.incidentatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.web.FieldError;


/** What a report must be to be ingested: non-empty text of at most 1 MiB (UTF-8), metadata within the column sizes. */
public final class ReportLimits {

    public static final int MAX_TEXT_BYTES = 1 << 20;
    public static final int MAX_BATCH = 1000;

    private ReportLimits() {
    }

    /** Throws {@link InvalidReportException} naming every problem, prefixing fields with {@code at}. */
    public static void check(ReportInput r, String at) {
        List<FieldError> errors = new ArrayList<>();
        boolean tooLarge = false;
        if (r.text() == null || r.text().isBlank()) {
            errors.add(new FieldError(at + "text", "is required and must not be empty"));
        } else {
            if (r.text().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
                errors.add(new FieldError(at + "text", "is longer than " + MAX_TEXT_BYTES + " bytes (1 MiB) in UTF-8"));
                tooLarge = true;
            }
            if (r.text().indexOf('\0') >= 0) {
                errors.add(new FieldError(at + "text", "contains a NUL character"));
            }
        }
        maxLength(at + "title", r.title(), 1000, errors);
        maxLength(at + "url", r.url(), 2000, errors);
        maxLength(at + "outlet", r.outlet(), 300, errors);
        maxLength(at + "language", r.language(), 16, errors);
        if (!errors.isEmpty()) {
            throw new InvalidReportException(tooLarge && errors.size() == 1, errors);
        }
    }

    private static void maxLength(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
    }
}
