package org.incidentatlas.ogcapi;

import org.incidentatlas.cql.CqlException;
import org.incidentatlas.incidents.IncidentNotFoundException;
import org.incidentatlas.incidents.InvalidIncidentException;
import org.incidentatlas.incidents.VersionConflictException;
import org.incidentatlas.ingest.InvalidReportException;
import org.incidentatlas.storage.DataSourceConfiguration.DatabasePools;
import org.incidentatlas.storage.DatabaseOutage;
import org.incidentatlas.storage.InvalidValueException;
import org.incidentatlas.storage.StatementTimeoutException;
import org.incidentatlas.web.ApiError;
import org.incidentatlas.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure into a JSON {@link ApiError}: 4xx for what the client can fix, 503 with {@code Retry-After}
 * while the database is unreachable, 500 (logged) otherwise.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseOutage outage;
    private final DatabasePools pools;

    public ApiExceptionHandler(DatabaseOutage outage, DatabasePools pools) {
        this.outage = outage;
        this.pools = pools;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), new ApiError(e.code(), e.getMessage(), e.errors()));
    }

    /** A filter that parsed but does not fit the collection: found while translating it to SQL. */
    @ExceptionHandler(CqlException.class)
    ResponseEntity<ApiError> filter(CqlException e) {
        return api(FilterParameters.invalid(e));
    }

    @ExceptionHandler(InvalidIncidentException.class)
    ResponseEntity<ApiError> invalid(InvalidIncidentException e) {
        return api(ApiException.unprocessable("Incident", e.errors()));
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ApiError> invalidReport(InvalidReportException e) {
        if (e.tooLarge()) {
            return error(HttpStatus.CONTENT_TOO_LARGE, new ApiError("PayloadTooLarge", "the report was not stored: " + e.getMessage(), e.errors()));
        }
        return error(HttpStatus.BAD_REQUEST, new ApiError("InvalidReport", "the report was not stored: " + e.getMessage(), e.errors()));
    }

    @ExceptionHandler(IncidentNotFoundException.class)
    ResponseEntity<ApiError> missing(IncidentNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, new ApiError("NotFound", e.getMessage()));
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ApiError> stale(VersionConflictException e) {
        return error(HttpStatus.PRECONDITION_FAILED, new ApiError("PreconditionFailed",
                e.getMessage() + "; fetch it again and retry with If-Match: \"" + e.currentVersion() + "\""));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, new ApiError("NotFound", "no resource at /" + e.getResourcePath()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("MethodNotAllowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("UnsupportedMediaType",
                e.getMessage() + "; send application/geo+json or application/json (reports: application/json, text/plain, application/x-ndjson)"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, new ApiError("NotAcceptable",
                "no representation matches the Accept header; this resource is available as "
                        + (e.getSupportedMediaTypes().isEmpty() ? "application/geo+json or application/json"
                                : e.getSupportedMediaTypes().stream().map(Object::toString).distinct().toList())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (NestedExceptionUtils.getRootCause(e) instanceof WriteBodyLimit.TooLarge tooLarge) {
            return error(HttpStatus.CONTENT_TOO_LARGE, new ApiError("PayloadTooLarge", tooLarge.getMessage()));
        }
        return error(HttpStatus.BAD_REQUEST, new ApiError("InvalidRequestBody", "the request body is not valid JSON"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError("MissingParameterValue", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError("InvalidParameterValue",
                "'" + e.getValue() + "' is not a valid value for " + e.getName()));
    }

    /**
     * 503: the request was fine but the database could not answer it in time (overload, or a query
     * too costly for the limit); no Retry-After, as the same query may well take as long again.
     */
    @ExceptionHandler(StatementTimeoutException.class)
    ResponseEntity<ApiError> statementTimeout(StatementTimeoutException e) {
        LOG.warn("statement timeout: {}", e.getMostSpecificCause().getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, new ApiError("StatementTimeout", "the database did not answer within "
                + "atlas.db.statement-timeout (" + e.timeout().toSeconds() + " s); narrow the request (a smaller bbox, "
                + "a simpler filter, a smaller limit) or try again later"));
    }

    /** A value of the request that the database cannot compute with (overflow, a string too long). */
    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ApiError> invalidValue(InvalidValueException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError("InvalidParameterValue",
                "a value of the request cannot be used: " + e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // nobody is left to answer; not a fault of the service
            LOG.info("client disconnected before the response was complete: {}", String.valueOf(NestedExceptionUtils.getMostSpecificCause(e)));
            return null;
        }
        // a failed database call while the database does not answer is an outage too, whatever the driver called it
        // (the first sign of a crash mid-statement varies with where the statement was)
        if (DatabaseOutage.causedBy(e) || DatabaseOutage.fromDatabase(e) && !pools.answering()) {
            return databaseUnavailable(e);
        }
        LOG.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("ServerError",
                "the server could not answer this request; the error has been logged"));
    }

    /** One line in the log, no stack trace: an outage is an operational state, not a bug. */
    private ResponseEntity<ApiError> databaseUnavailable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warn("database unavailable, answered 503: {}", root.toString());
        long seconds = outage.retryAfter().toSeconds();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("DatabaseUnavailable", "the database is unavailable; retry after " + seconds
                        + " s (a report sent again is recognised, not stored twice)"));
    }

    static ResponseEntity<ApiError> error(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
