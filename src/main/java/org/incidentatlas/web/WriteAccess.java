package org.incidentatlas.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards every write: POST, PUT, PATCH and DELETE need {@code Authorization: Bearer <token>}.
 * The token comes from {@code atlas.write-token} (env ATLAS_WRITE_TOKEN); when none is set, a
 * random one is made at start-up and logged, so a fresh install is never open for writing.
 */
@Component
public class WriteAccess implements HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAccess.class);

    private final byte[] token;

    public WriteAccess(WriteToken configured) {
        String t = configured.writeToken();
        if (t == null || t.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            t = HexFormat.of().formatHex(random);
            LOG.warn("No ATLAS_WRITE_TOKEN set: writes need 'Authorization: Bearer {}' until restart", t);
        }
        this.token = t.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"incident-atlas\"");
        response.setContentType("application/json");
        response.getWriter().write("{\"code\":\"Unauthorized\",\"description\":\"writes need the header "
                + "'Authorization: Bearer <token>' with the service's write token (ATLAS_WRITE_TOKEN)\"}");
        return false;
    }
}
