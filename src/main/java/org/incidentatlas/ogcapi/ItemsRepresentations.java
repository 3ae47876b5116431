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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import gg.jte.Content;

import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.ogcapi.export.Column;
import org.incidentatlas.ogcapi.export.CsvTableWriter;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FlatGeobufTableWriter;
import org.incidentatlas.ogcapi.export.GeoPackageTableWriter;
import org.incidentatlas.ogcapi.export.TableWriter;
import org.incidentatlas.ogcapi.html.Anchor;
import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.incidentatlas.ogcapi.html.ItemPage;
import org.incidentatlas.ogcapi.html.ItemsPage;
import org.incidentatlas.ogcapi.html.TableRow;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.OutputFormat;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
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
    private final HtmlTemplates templates;

    ItemsRepresentations(JsonMapper json, HtmlTemplates templates) {
        this.json = json;
        this.templates = templates;
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

    ResponseEntity<StreamingResponseBody> items(OutputFormat format, FeatureSource source, ItemsQuery query, OptionalLong matched,
                                                String etag) throws IOException {
        if (format == OutputFormat.HTML) {
            return htmlItems(source, query, matched, etag);
        }
        if (format == OutputFormat.GEOPACKAGE) {
            return geoPackage(source, query, etag);
        }
        // A page is at most 10,000 features (a few MB): it is written to memory first, so that its
        // Link headers can say where the next page is before the body starts.
        ExportCrs crs = ExportCrs.of(query.crs());
        TableSelection table = TableSelection.of(source.table(), query.select());
        ByteArrayOutputStream page = new ByteArrayOutputStream(64 * 1024);
        TableWriter writer = format == OutputFormat.CSV ? new CsvTableWriter(page, table.table())
                : new FlatGeobufTableWriter(page, table.table(), crs.epsg());
        PageSlice slice = source.rowPage(query, row -> write(writer, crs.apply(table.apply(row))));
        writer.finish();
        StreamingResponseBody body = page::writeTo;
        return download(format, source).eTag(etag).header(HttpHeaders.LINK, pageLinks(format, slice))
                .header(ItemsController.CONTENT_CRS, "<" + crs.uri() + ">").contentLength(page.size()).body(body);
    }

    /** RFC 8288 Link headers for a page in a file format, which has no place for links inside. */
    static String[] pageLinks(OutputFormat format, PageSlice slice) {
        MediaType t = format.mediaType(OgcMediaTypes.GEOJSON);
        String type = "; type=\"" + t.getType() + "/" + t.getSubtype() + "\"";
        List<String> links = new ArrayList<>();
        links.add("<" + ServiceLinks.current() + ">; rel=\"self\"" + type);
        if (slice.next() != null) {
            links.add("<" + ServiceLinks.currentWith("cursor", slice.next().token()) + ">; rel=\"next\"" + type);
        }
        if (slice.previous() != null) {
            links.add("<" + ServiceLinks.currentWith("cursor", slice.previous().token()) + ">; rel=\"prev\"" + type);
        }
        return links.toArray(String[]::new);
    }

    private static ResponseEntity.BodyBuilder download(OutputFormat format, FeatureSource source) {
        return ResponseEntity.ok().contentType(format.mediaType(OgcMediaTypes.GEOJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(source.id() + "." + format.fileExtension()).build().toString());
    }

    /** SQLite writes to a file: the page is written there first, then streamed and deleted. */
    private ResponseEntity<StreamingResponseBody> geoPackage(FeatureSource source, ItemsQuery query, String etag)
            throws IOException {
        ExportCrs crs = ExportCrs.of(query.crs());
        TableSelection table = TableSelection.of(source.table(), query.select());
        Path file = Files.createTempFile("atlas-" + source.id() + "-", ".gpkg");
        Files.delete(file); // the GeoPackage library creates the file itself
        try {
            GeoPackageTableWriter writer = new GeoPackageTableWriter(file.toFile(), table.table(), crs.epsg(), crs.wkt1());
            PageSlice slice;
            try {
                slice = source.rowPage(query, row -> write(writer, crs.apply(table.apply(row))));
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
            return download(OutputFormat.GEOPACKAGE, source).eTag(etag)
                    .header(HttpHeaders.LINK, pageLinks(OutputFormat.GEOPACKAGE, slice)).header(ItemsController.CONTENT_CRS, "<" + crs.uri() + ">")
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

    private ResponseEntity<StreamingResponseBody> htmlItems(FeatureSource source, ItemsQuery query, OptionalLong matched, String etag) {
        String itemsUrl = ServiceLinks.url("/collections/" + source.id() + "/items");
        String cursorTemplate = ServiceLinks.currentWith("cursor", "CURSOR");
        List<Anchor> formats = alternates(OutputFormat.HTML).stream()
                .map(l -> new Anchor(l.href(), l.title().substring(TITLE_PREFIX.length()))).toList();
        TableSelection table = TableSelection.of(source.table(), query.select());
        List<String> columns = table.table().columns().stream().map(Column::name).toList();
        StreamingResponseBody body = out -> {
            AtomicReference<PageSlice> slice = new AtomicReference<>();
            Content rows = output -> slice.set(source.rowPage(query,
                    row -> templates.render("tableRow.jte", TableRow.of(itemsUrl, table.apply(row)), output)));
            Supplier<ItemsPage.Paging> paging = () -> {
                List<Anchor> links = new ArrayList<>();
                if (slice.get().previous() != null) {
                    links.add(new Anchor(cursorTemplate.replace("CURSOR", slice.get().previous().token()), "Previous page"));
                }
                if (slice.get().next() != null) {
                    links.add(new Anchor(cursorTemplate.replace("CURSOR", slice.get().next().token()), "Next page"));
                }
                return new ItemsPage.Paging(slice.get().returned() + " shown.", links);
            };
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            templates.render("items.jte", new ItemsPage(ServiceLinks.url(""), source.title(),
                    (matched.isPresent() ? matched.getAsLong() + " features match this query; up" : "Up") + " to "
                            + query.limit() + " are shown per page.",
                    query.properties().isEmpty() ? "" : "Filters: " + query.properties(), formats,
                    ServiceLinks.currentWith("f", "json"), columns, rows, paging), w);
            w.flush();
        };
        return ResponseEntity.ok().contentType(OutputFormat.HTML.mediaType(null)).eTag(etag).body(body);
    }

    /** The page's map reads the feature's GeoJSON, so it is written in the storage CRS (CRS84) whatever crs says. */
    ResponseEntity<StreamingResponseBody> htmlItem(FeatureSource source, String featureId, FeatureSource.Item item, SupportedCrs crs84) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(buffer)) {
            item.writer().write(g, List.of(), crs84);
        }
        String feature = buffer.toString(StandardCharsets.UTF_8);
        String collection = ServiceLinks.url("/collections/" + source.id());
        String html = templates.render("item.jte", new ItemPage(ServiceLinks.url(""), source.title() + " " + featureId,
                source.title() + ": " + featureId,
                List.of(new Anchor(collection + "?f=html", "The collection"),
                        new Anchor(collection + "/items?f=html", "All items"),
                        new Anchor(ServiceLinks.currentWith("f", "json"), "This feature as GeoJSON")),
                feature, json.readTree(feature).path("properties")));
        StreamingResponseBody body = out -> out.write(html.getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().contentType(OutputFormat.HTML.mediaType(null)).body(body);
    }
}
