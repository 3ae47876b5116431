package org.incidentatlas.ingest;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentatlas.web.WriteAccess;
import org.incidentatlas.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-geocoding after analysts corrected the gazetteer: one report, or all of them. Incidents
 * placed by a fallback or at a corrected place move to the new answer; reviewed and rejected
 * incidents never move (see {@link Regeocoding}). Needs the bearer token (see {@link WriteAccess}).
 */
@RestController
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
public class RegeocodeController {

    private final Regeocoding regeocoding;

    public RegeocodeController(Regeocoding regeocoding) {
        this.regeocoding = regeocoding;
    }

    @PostMapping(path = "/reports/{reportId}/regeocode", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place a report's events again with the gazetteer as it stands now",
            description = "Events placed by a fallback (province or larger) or at a place analysts corrected move; events of "
                    + "reviewed or rejected incidents never do. Answers the incidents created, updated and deleted.")
    ResponseEntity<Map<String, Object>> report(@PathVariable String reportId) {
        long id;
        try {
            id = Long.parseLong(reportId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no report '" + reportId + "'");
        }
        Regeocoding.Outcome o = regeocoding.report(id).orElseThrow(() -> ApiException.notFound("no report " + reportId));
        return ResponseEntity.ok(body(o));
    }

    @PostMapping(path = "/reports/regeocode", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place every report's events again with the gazetteer as it stands now",
            description = "As for one report, report by report (one transaction each); answers the reports that changed.")
    ResponseEntity<Map<String, Object>> all() {
        List<Map<String, Object>> changed = regeocoding.all().stream().map(RegeocodeController::body).toList();
        return ResponseEntity.ok(Map.of("reports", changed));
    }

    private static Map<String, Object> body(Regeocoding.Outcome o) {
        return Map.of("report", o.reportId(), "events_replaced", o.eventsReplaced(), "incidents_created", o.created(),
                "incidents_updated", o.updated(), "incidents_deleted", o.deleted(), "reviewed_kept", o.keptReviewed());
    }
}
