package org.incidentatlas.ogcapi;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.web.ApiError;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a request reaches a controller (by the servlet container, e.g. a malformed
 * URL) get the same JSON body as the rest of the API instead of the container's page.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String description = message instanceof String s && !s.isBlank() ? s : status.getReasonPhrase();
        return ApiExceptionHandler.error(status, new ApiError(status.is4xxClientError() ? "InvalidRequest" : "ServerError", description));
    }
}
