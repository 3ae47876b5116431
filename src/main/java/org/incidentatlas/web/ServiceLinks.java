package org.incidentatlas.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs of the service's resources, built from the request being answered (so links are
 * right behind a reverse proxy that sends Forwarded / X-Forwarded-* headers).
 */
public final class ServiceLinks {

    private ServiceLinks() {
    }

    public static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    /** The current request's URL with one query parameter replaced (null removes it). */
    public static String currentWith(String parameter, String value) {
        UriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentRequest();
        if (value == null) {
            b.replaceQueryParam(parameter);
        } else {
            b.replaceQueryParam(parameter, value);
        }
        return b.build().toUriString();
    }

    public static String current() {
        return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
    }
}
