package org.incidentatlas.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;

/**
 * The representations the service can give of a resource, by their {@code f} values and media
 * types. JSON's media type depends on the resource (GeoJSON for features), so it has none here.
 */
public enum OutputFormat {

    JSON(List.of("json", "geojson"), null, null),
    HTML(List.of("html"), new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), null),
    CSV(List.of("csv"), new MediaType(MediaType.parseMediaType("text/csv"), StandardCharsets.UTF_8), "csv"),
    FLATGEOBUF(List.of("fgb", "flatgeobuf"), MediaType.parseMediaType("application/flatgeobuf"), "fgb"),
    GEOPACKAGE(List.of("gpkg", "geopackage"), MediaType.parseMediaType("application/geopackage+sqlite3"), "gpkg");

    /** What items offer, JSON first (the default). */
    public static final List<OutputFormat> ITEMS = List.of(JSON, HTML, CSV, FLATGEOBUF, GEOPACKAGE);
    /** What the other read resources offer. */
    public static final List<OutputFormat> DOCUMENTS = List.of(JSON, HTML);

    private final List<String> names;
    private final MediaType mediaType;
    private final String fileExtension;

    OutputFormat(List<String> names, MediaType mediaType, String fileExtension) {
        this.names = names;
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    /** The canonical {@code f} value. */
    public String parameter() {
        return names.get(0);
    }

    public boolean isNamed(String f) {
        return names.contains(f);
    }

    public MediaType mediaType(MediaType jsonType) {
        return this == JSON ? jsonType : mediaType;
    }

    /** The extension of a downloaded file, or null for formats shown in place. */
    public String fileExtension() {
        return fileExtension;
    }
}
