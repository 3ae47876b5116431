package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.incidentatlas.ogcapi.html.Anchor;
import org.incidentatlas.ogcapi.html.CollectionsPage;
import org.incidentatlas.ogcapi.html.ConformancePage;
import org.incidentatlas.ogcapi.html.Definition;
import org.incidentatlas.ogcapi.html.DocumentPage;
import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.incidentatlas.web.Link;
import org.incidentatlas.web.ServiceLinks;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The landing page, conformance declaration and collection documents as HTML: a message
 * converter, so their controllers return the same records for both formats and only choose
 * the media type. The pages are jte templates (src/main/jte).
 */
class HtmlDocuments extends AbstractHttpMessageConverter<Object> {

    private static final Set<Class<?>> DOCUMENTS = Set.of(LandingController.LandingPage.class,
            LandingController.Conformance.class, CollectionsController.Collections.class, CollectionsController.Collection.class);

    private final HtmlTemplates templates;

    HtmlDocuments(HtmlTemplates templates) {
        super(StandardCharsets.UTF_8, MediaType.TEXT_HTML);
        this.templates = templates;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return DOCUMENTS.contains(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("HTML is not read", input);
    }

    @Override
    protected void writeInternal(Object document, HttpOutputMessage output) throws IOException {
        String base = ServiceLinks.url("");
        String html;
        if (document instanceof LandingController.LandingPage p) {
            html = templates.render("document.jte", landing(base, p));
        } else if (document instanceof LandingController.Conformance c) {
            html = templates.render("conformance.jte", new ConformancePage(base, c.conformsTo(),
                    List.of(new Anchor(ServiceLinks.url("/conformance?f=json"), "JSON"))));
        } else if (document instanceof CollectionsController.Collections c) {
            html = templates.render("collections.jte", collections(base, c));
        } else if (document instanceof CollectionsController.Collection c) {
            html = templates.render("document.jte", collection(base, c));
        } else {
            throw new IllegalArgumentException("no HTML for " + document.getClass());
        }
        output.getBody().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static DocumentPage landing(String base, LandingController.LandingPage p) {
        List<Definition> rows = new ArrayList<>();
        for (Link l : p.links()) {
            if ("alternate".equals(l.rel())) {
                continue; // this page is the HTML; its JSON is under Formats
            }
            rows.add(new Definition(l.title(), l.type() != null && l.type().startsWith("application/json")
                    ? l.href() + "?f=html" : l.href()));
        }
        rows.add(new Definition("The web map", ServiceLinks.url("/map")));
        return new DocumentPage(base, p.title(), p.description(), rows, List.of(),
                List.of(new Anchor(ServiceLinks.url("/?f=json"), "JSON")));
    }

    private static CollectionsPage collections(String base, CollectionsController.Collections c) {
        List<CollectionsPage.Summary> summaries = c.collections().stream().map(one -> new CollectionsPage.Summary(
                one.title(), one.description(), itemLinks(ServiceLinks.url("/collections/" + one.id()), one.title()))).toList();
        return new CollectionsPage(base, summaries, List.of(new Anchor(ServiceLinks.url("/collections?f=json"), "JSON")));
    }

    private static DocumentPage collection(String base, CollectionsController.Collection c) {
        String self = ServiceLinks.url("/collections/" + c.id());
        List<Definition> rows = new ArrayList<>();
        rows.add(new Definition("id", c.id()));
        if (c.extent() != null && c.extent().spatial() != null) {
            double[] b = c.extent().spatial().bbox().get(0);
            rows.add(new Definition("Bounding box (lon/lat)", b[0] + ", " + b[1] + " – " + b[2] + ", " + b[3]));
        }
        if (c.extent() != null && c.extent().temporal() != null) {
            List<String> interval = c.extent().temporal().interval().get(0);
            rows.add(new Definition("Time", interval.get(0) + " – " + interval.get(1)));
        }
        rows.add(new Definition("Storage CRS", c.storageCrs()));
        return new DocumentPage(base, c.title(), c.description(), rows, itemLinks(self, c.title()),
                List.of(new Anchor(self + "?f=json", "JSON")));
    }

    private static List<Anchor> itemLinks(String base, String title) {
        return List.of(new Anchor(base + "?f=html", "About " + title),
                new Anchor(base + "/items?f=html", "Browse"),
                new Anchor(base + "/items?f=json", "GeoJSON"),
                new Anchor(base + "/items?f=csv&limit=10000", "CSV"),
                new Anchor(base + "/items?f=fgb&limit=10000", "FlatGeobuf"),
                new Anchor(base + "/items?f=gpkg&limit=10000", "GeoPackage"));
    }
}
