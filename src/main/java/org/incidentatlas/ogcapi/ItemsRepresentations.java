package org.incidentatlas.ogcapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.ogcapi.export.CsvTableWriter;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FlatGeobufTableWriter;
import org.incidentatlas.ogcapi.export.GeoPackageTableWriter;
import org.incidentatlas.ogcapi.export.TableWriter;
import org.incidentatlas.ogcapi.html.HtmlPage;
import org.incidentatlas.ogcapi.html.HtmlTableWriter;
import org.incidentatlas.ogcapi.html.JsonHtml;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items and items pages in the formats besides GeoJSON: CSV and FlatGeobuf streamed from the
 * database cursor, GeoPackage through a temporary file, and browsable HTML. The query is parsed
 * and checked before any of them starts, so bad input still gets a 400 JSON error.
 */
@Component
class ItemsRepresentations {

    private static final String TITLE_PREFIX = "This page as ";

    private final JsonMapper json;

    ItemsRepresentations(JsonMapper json) {
        this.json = json;
    }

    /** Links to this items page in every format (for the JSON links and the HTML page). */
    static List<Link> alternates(OutputFormat current) {
        List<Link> links = new ArrayList<>();
        for (OutputFormat f : OutputFormat.ITEMS) {
            if (f != current) {
                MediaType type = f.mediaType(OgcMediaTypes.GEOJSON);
                links.add(new Link(ServiceLinks.currentWith("f", f.parameter()), "alternate",
                        type.getType() + "/" + type.getSubtype(), TITLE_PREFIX + title(f)));
            }
        }
        return links;
    }

    static String title(OutputFormat f) {
        return switch (f) {
            case JSON -> "GeoJSON";
            case HTML -> "HTML";
            case CSV -> "CSV";
            case FLATGEOBUF -> "FlatGeobuf";
            case GEOPACKAGE -> "GeoPackage";
        };
    }

    ResponseEntity<StreamingResponseBody> items(OutputFormat format, FeatureSource source, ItemsQuery query, OptionalLong matched)
            throws IOException {
        if (format == OutputFormat.HTML) {
            return htmlItems(source, query, matched);
        }
        if (format == OutputFormat.GEOPACKAGE) {
            return geoPackage(source, query);
        }
        FileCrs crs = FileCrs.of(query.crs());
        StreamingResponseBody body = out -> {
            TableWriter writer = format == OutputFormat.CSV ? new CsvTableWriter(out, source.table())
                    : new FlatGeobufTableWriter(out, source.table(), crs.epsg());
            source.rowPage(query, row -> write(writer, crs.apply(row)));
            writer.finish();
        };
        return download(format, source).header(ItemsController.CONTENT_CRS, "<" + crs.uri() + ">").body(body);
    }

    /**
     * The CRS of an export. Files keep x first whatever the CRS's definition says (GDAL and QGIS read
     * them so), so geographic requests, EPSG:4326 included, are written as longitude/latitude
     * (CRS84), and projected ones (EPSG:3857, 32638, 32639) in their eastings and northings.
     */
    private record FileCrs(SupportedCrs crs, int epsg, String uri, String wkt1) {

        static FileCrs of(SupportedCrs asked) {
            if (!asked.projected()) {
                return new FileCrs(null, 4326, ItemsRequest.CRS84, null);
            }
            return new FileCrs(asked, Integer.parseInt(asked.uri().substring(asked.uri().lastIndexOf('/') + 1)), asked.uri(),
                    asked.wkt1());
        }

        FeatureRow apply(FeatureRow row) {
            return crs == null || row.geometry() == null ? row
                    : new FeatureRow(crs.fromStorage(row.geometry()), row.values());
        }
    }

    private static ResponseEntity.BodyBuilder download(OutputFormat format, FeatureSource source) {
        return ResponseEntity.ok().contentType(format.mediaType(OgcMediaTypes.GEOJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(source.id() + "." + format.fileExtension()).build().toString());
    }

    /** SQLite writes to a file: the page is written there first, then streamed and deleted. */
    private ResponseEntity<StreamingResponseBody> geoPackage(FeatureSource source, ItemsQuery query) throws IOException {
        FileCrs crs = FileCrs.of(query.crs());
        Path file = Files.createTempFile("atlas-" + source.id() + "-", ".gpkg");
        Files.delete(file); // the GeoPackage library creates the file itself
        try {
            GeoPackageTableWriter writer = new GeoPackageTableWriter(file.toFile(), source.table(), crs.epsg(), crs.wkt1());
            try {
                source.rowPage(query, row -> write(writer, crs.apply(row)));
            } catch (RuntimeException e) {
                writer.abandon();
                throw e;
            }
            writer.finish();
            long size = Files.size(file);
            StreamingResponseBody body = out -> {
                try {
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                }
            };
            return download(OutputFormat.GEOPACKAGE, source).header(ItemsController.CONTENT_CRS, "<" + crs.uri() + ">")
                    .contentLength(size).body(body);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void write(TableWriter writer, FeatureRow row) {
        try {
            writer.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<StreamingResponseBody> htmlItems(FeatureSource source, ItemsQuery query, OptionalLong matched) {
        String base = ServiceLinks.url("");
        String itemsUrl = ServiceLinks.url("/collections/" + source.id() + "/items");
        String cursorTemplate = ServiceLinks.currentWith("cursor", "CURSOR");
        HtmlPage page = new HtmlPage(base, source.title())
                .heading(source.title())
                .paragraph((matched.isPresent() ? matched.getAsLong() + " features match this query; up" : "Up") + " to "
                        + query.limit() + " are shown per page.")
                .paragraph(query.properties().isEmpty() ? "" : "Filters: " + query.properties())
                .links("Formats:", alternates(OutputFormat.HTML).stream()
                        .map(l -> new HtmlPage.Anchor(l.href(), l.title().substring(TITLE_PREFIX.length()))).toList())
                .map(ServiceLinks.currentWith("f", "json"), null);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(page.start());
            HtmlTableWriter table = new HtmlTableWriter(w, source.table(), itemsUrl);
            PageSlice slice = source.rowPage(query, row -> write(table, row));
            table.finish();
            List<HtmlPage.Anchor> paging = new ArrayList<>();
            if (slice.previous() != null) {
                paging.add(new HtmlPage.Anchor(cursorTemplate.replace("CURSOR", slice.previous().token()), "Previous page"));
            }
            if (slice.next() != null) {
                paging.add(new HtmlPage.Anchor(cursorTemplate.replace("CURSOR", slice.next().token()), "Next page"));
            }
            page.paragraph(slice.returned() + " shown.").links("Pages:", paging);
            w.write(page.end());
            w.flush();
        };
        return ResponseEntity.ok().contentType(OutputFormat.HTML.mediaType(null)).body(body);
    }

    /** The page's map reads the feature's GeoJSON, so it is written in the storage CRS (CRS84) whatever crs says. */
    ResponseEntity<StreamingResponseBody> htmlItem(FeatureSource source, String featureId, FeatureSource.Item item, SupportedCrs crs84) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(buffer)) {
            item.writer().write(g, List.of(), crs84);
        }
        String feature = buffer.toString(StandardCharsets.UTF_8);
        JsonNode tree = json.readTree(feature);
        String collection = ServiceLinks.url("/collections/" + source.id());
        HtmlPage page = new HtmlPage(ServiceLinks.url(""), source.title() + " " + featureId)
                .heading(source.title() + ": " + featureId)
                .links(null, List.of(new HtmlPage.Anchor(collection + "?f=html", "The collection"),
                        new HtmlPage.Anchor(collection + "/items?f=html", "All items"),
                        new HtmlPage.Anchor(ServiceLinks.currentWith("f", "json"), "This feature as GeoJSON")))
                .map(null, feature);
        StringBuilder rows = new StringBuilder("<table class=\"definitions\">\n");
        for (Map.Entry<String, JsonNode> p : tree.path("properties").properties()) {
            rows.append("<tr><th>").append(HtmlPage.escape(p.getKey())).append("</th><td>")
                    .append(JsonHtml.render(p.getValue())).append("</td></tr>\n");
        }
        page.raw(rows.append("</table>\n").toString());
        String html = page.render();
        StreamingResponseBody body = out -> out.write(html.getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().contentType(OutputFormat.HTML.mediaType(null)).body(body);
    }
}
