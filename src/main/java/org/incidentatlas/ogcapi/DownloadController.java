package org.incidentatlas.ogcapi;

import org.incidentatlas.web.RequestFormat;
import org.incidentatlas.web.OutputFormat;
import org.incidentatlas.web.OgcMediaTypes;
import org.incidentatlas.web.ApiException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.ogcapi.export.CsvTableWriter;
import org.incidentatlas.ogcapi.export.FeatureRow;
import org.incidentatlas.ogcapi.export.FlatGeobufTableWriter;
import org.incidentatlas.ogcapi.export.GeoPackageTableWriter;
import org.incidentatlas.ogcapi.export.IndexedFlatGeobufWriter;
import org.incidentatlas.ogcapi.export.TableWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every feature that matches, in one request: {@code /collections/{id}/download}, linked from the
 * collection as {@code enclosure} in each format. It takes the items' filters (bbox, datetime,
 * filter, the collection's property filters, crs, properties, sortby) but no limit or cursor; in
 * the table formats properties= keeps the id column and the named ones ({@link TableSelection}).
 * A resource of its own rather than {@code items?limit=all}: items pages keep the standard's
 * meaning of limit (a larger one is served as the maximum), and a download is a file with a
 * name, a length where one is known, byte ranges and a cache of its own.
 *
 * <p>GeoJSON and CSV stream from one database cursor as it reads. FlatGeobuf (its spatial index
 * precedes the features) and GeoPackage (SQLite writes a file) are built as files first, kept for
 * the requests that follow ({@link ExportFiles}) and served with byte ranges, so GDAL and QGIS can
 * open the URL through /vsicurl/.
 */
@RestController
@Tag(name = "Data")
public class DownloadController {

    static final String PATH = "/collections/{collectionId}/download";

    /** What a download is offered in, GeoJSON first (the default). */
    static final List<OutputFormat> FORMATS = List.of(OutputFormat.JSON, OutputFormat.CSV, OutputFormat.FLATGEOBUF,
            OutputFormat.GEOPACKAGE);

    /** The one cursor a whole export reads; KeysetPages asks for one row more than this. */
    static final int EVERY_ROW = Integer.MAX_VALUE - 1;

    private static final Set<String> PAGING = Set.of("limit", "cursor");
    /** Not a filter: how a FlatGeobuf download is laid out. */
    private static final String INDEX = "index";

    private final FeatureSources sources;
    private final JsonMapper json;
    private final CrsRegistry crs;
    private final FilterLimits filterLimits;
    private final ReadEtags etags;
    private final ExportFiles files;

    public DownloadController(FeatureSources sources, JsonMapper json, CrsRegistry crs, FilterLimits filterLimits,
                              ReadEtags etags, ExportFiles files) {
        this.sources = sources;
        this.json = json;
        this.crs = crs;
        this.filterLimits = filterLimits;
        this.etags = etags;
        this.files = files;
    }

    @GetMapping(PATH)
    @Operation(summary = "Every matching feature in one file",
            description = "Takes the filters of /collections/{collectionId}/items (bbox, bbox-crs, datetime, filter, filter-lang, "
                    + "filter-crs, the collection's property filters, sortby, crs, properties) but not limit or cursor. "
                    + "FlatGeobuf comes with its packed Hilbert R-tree unless index=false; FlatGeobuf with its index and "
                    + "GeoPackage answer byte ranges.")
    ResponseEntity<StreamingResponseBody> download(HttpServletRequest request, @PathVariable String collectionId,
            @Parameter(description = "Output format: json (GeoJSON, default), csv (WKT geometry), fgb (FlatGeobuf) or gpkg "
                    + "(GeoPackage); else the Accept header decides")
            @RequestParam(name = "f", required = false) String f,
            @Parameter(description = "FlatGeobuf only. false: no spatial index, and the features stream as the database "
                    + "yields them, so a reader can start at once (QGIS and GDAL through /vsicurl_streaming/); the header "
                    + "then has no feature count or extent. Default true: the index, with the file built before its first byte.")
            @RequestParam(name = INDEX, required = false) String index)
            throws HttpMediaTypeNotAcceptableException, IOException {
        FeatureSource source = sources.get(collectionId);
        Set<String> paging = new TreeSet<>(request.getParameterMap().keySet());
        paging.retainAll(PAGING);
        if (!paging.isEmpty()) {
            throw ApiException.badParameter("a download holds every matching feature, so it takes no " + paging
                    + "; page through /collections/" + source.id() + "/items for parts");
        }
        Map<String, String[]> filters = new HashMap<>(request.getParameterMap());
        filters.remove(INDEX);
        ItemsQuery parsed = ItemsRequest.parse(filters, source, crs, filterLimits);
        ItemsQuery query = new ItemsQuery(parsed.bbox(), parsed.dates(), parsed.properties(), null, EVERY_ROW, parsed.crs(),
                parsed.filter(), parsed.select());
        OutputFormat format = RequestFormat.choose(request, OgcMediaTypes.GEOJSON, FORMATS);
        boolean indexed = indexed(index, format);
        String etag = etags.of(request, format.parameter());
        if (ReadEtags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        ExportCrs fileCrs = ExportCrs.of(query.crs());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag)
                .contentType(format.mediaType(OgcMediaTypes.GEOJSON))
                .header(ItemsController.CONTENT_CRS, "<" + (format == OutputFormat.JSON ? query.crs().uri() : fileCrs.uri()) + ">")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(source.id() + "." + (format == OutputFormat.JSON ? "geojson" : format.fileExtension()))
                        .build().toString());
        if (format == OutputFormat.JSON) {
            return ok.body(out -> writeGeoJson(out, source, query));
        }
        // GeoJSON selects its properties itself, and has some (status, confidence …) that the tables do not
        TableSelection table = TableSelection.of(source.table(), query.select());
        return switch (format) {
            case CSV -> ok.body(out -> writeRows(new CsvTableWriter(out, table.table()), source, query, table, fileCrs));
            case FLATGEOBUF -> indexed
                    ? file(request, ok, files.get(etag, ".fgb", file -> flatGeobuf(file, source, query, table, fileCrs)))
                    : ok.body(out -> writeRows(new FlatGeobufTableWriter(out, table.table(), fileCrs.epsg()), source, query,
                            table, fileCrs));
            case GEOPACKAGE -> file(request, ok, files.get(etag, ".gpkg", file -> geoPackage(file, source, query, table, fileCrs)));
            case JSON, HTML -> throw new IllegalStateException("not a table format");
        };
    }

    /** Whether a FlatGeobuf download carries its index: true unless {@code index=false}; only FlatGeobuf takes it. */
    private static boolean indexed(String index, OutputFormat format) {
        if (index == null) {
            return true;
        }
        if (format != OutputFormat.FLATGEOBUF) {
            throw ApiException.badParameter("'" + INDEX + "' applies to FlatGeobuf downloads (f=fgb) only");
        }
        return switch (index) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter("'" + INDEX + "' is true or false, not '" + index + "'");
        };
    }

    /** A FeatureCollection without numberMatched (it would cost a count); numberReturned closes it. */
    private void writeGeoJson(OutputStream out, FeatureSource source, ItemsQuery query) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            PageSlice slice = source.writePage(query, PropertySelection.filter(g, query.select()));
            g.writeEndArray();
            g.writeNumberProperty("numberReturned", slice.returned());
            g.writeEndObject();
        }
    }

    private static void writeRows(TableWriter writer, FeatureSource source, ItemsQuery query, TableSelection table,
                                  ExportCrs fileCrs) throws IOException {
        source.rowPage(query, row -> write(writer, fileCrs.apply(table.apply(row))));
        writer.finish();
    }

    private static void write(TableWriter writer, FeatureRow row) {
        try {
            writer.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatGeobuf(Path file, FeatureSource source, ItemsQuery query, TableSelection table, ExportCrs fileCrs)
            throws IOException {
        try (IndexedFlatGeobufWriter writer = new IndexedFlatGeobufWriter(table.table(), fileCrs.epsg(), file.getParent());
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            writeRows(writer, source, query, table, fileCrs);
            writer.writeTo(out);
        }
    }

    private static void geoPackage(Path file, FeatureSource source, ItemsQuery query, TableSelection table, ExportCrs fileCrs)
            throws IOException {
        GeoPackageTableWriter writer = new GeoPackageTableWriter(file.toFile(), table.table(), fileCrs.epsg(), fileCrs.wkt1());
        try {
            source.rowPage(query, row -> write(writer, fileCrs.apply(table.apply(row))));
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
        writer.finish();
    }

    /** The file, or the one byte range asked for (several ranges get the whole file, as RFC 9110 allows). */
    private static ResponseEntity<StreamingResponseBody> file(HttpServletRequest request, ResponseEntity.BodyBuilder ok, Path file)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long length = channel.size();
        long start = 0;
        long count = length;
        String rangeHeader = request.getHeader(HttpHeaders.RANGE);
        ok.header(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (rangeHeader != null) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(rangeHeader);
            } catch (IllegalArgumentException e) {
                ranges = List.of();
            }
            if (ranges.size() == 1) {
                HttpRange range = ranges.get(0);
                start = range.getRangeStart(length);
                long end = range.getRangeEnd(length);
                if (start >= length) {
                    channel.close();
                    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                            .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length).build();
                }
                count = end - start + 1;
                ok.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
                ok = statusPartial(ok);
            }
        }
        long from = start;
        long bytes = count;
        boolean head = "HEAD".equals(request.getMethod());
        return ok.contentLength(bytes).body(out -> {
            try (channel) {
                if (!head) {
                    long done = 0;
                    var target = Channels.newChannel(out);
                    while (done < bytes) {
                        done += channel.transferTo(from + done, bytes - done, target);
                    }
                }
            }
        });
    }

    private static ResponseEntity.BodyBuilder statusPartial(ResponseEntity.BodyBuilder ok) {
        ResponseEntity<Void> built = ok.build();
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(built.getHeaders());
    }
}
