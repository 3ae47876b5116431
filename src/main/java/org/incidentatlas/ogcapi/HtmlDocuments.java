package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.incidentatlas.ogcapi.html.HtmlPage;
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
 * the media type.
 */
class HtmlDocuments extends AbstractHttpMessageConverter<Object> {

    private static final Set<Class<?>> DOCUMENTS = Set.of(LandingController.LandingPage.class,
            LandingController.Conformance.class, CollectionsController.Collections.class, CollectionsController.Collection.class);

    HtmlDocuments() {
        super(StandardCharsets.UTF_8, MediaType.TEXT_HTML);
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
        String html;
        if (document instanceof LandingController.LandingPage p) {
            html = landing(p);
        } else if (document instanceof LandingController.Conformance c) {
            html = conformance(c);
        } else if (document instanceof CollectionsController.Collections c) {
            html = collections(c);
        } else if (document instanceof CollectionsController.Collection c) {
            html = collection(c).render();
        } else {
            throw new IllegalArgumentException("no HTML for " + document.getClass());
        }
        output.getBody().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String landing(LandingController.LandingPage p) {
        List<String[]> rows = new ArrayList<>();
        for (Link l : p.links()) {
            if ("alternate".equals(l.rel())) {
                continue; // this page is the HTML; its JSON is under Formats
            }
            rows.add(new String[] {l.title(), l.type() != null && l.type().startsWith("application/json")
                    ? l.href() + "?f=html" : l.href()});
        }
        rows.add(new String[] {"The web map", ServiceLinks.url("/map")});
        return new HtmlPage(ServiceLinks.url(""), p.title()).heading(p.title()).paragraph(p.description())
                .definitions(rows).links("Formats:", List.of(new HtmlPage.Anchor(ServiceLinks.url("/?f=json"), "JSON")))
                .render();
    }

    private static String conformance(LandingController.Conformance c) {
        List<HtmlPage.Anchor> classes = c.conformsTo().stream().map(uri -> new HtmlPage.Anchor(uri, uri)).toList();
        HtmlPage page = new HtmlPage(ServiceLinks.url(""), "Conformance").heading("Conformance classes");
        StringBuilder list = new StringBuilder("<ul>\n");
        for (HtmlPage.Anchor a : classes) {
            list.append("<li><code>").append(HtmlPage.escape(a.text())).append("</code></li>\n");
        }
        return page.raw(list.append("</ul>\n").toString())
                .links("Formats:", List.of(new HtmlPage.Anchor(ServiceLinks.url("/conformance?f=json"), "JSON"))).render();
    }

    private static String collections(CollectionsController.Collections c) {
        HtmlPage page = new HtmlPage(ServiceLinks.url(""), "Collections").heading("Collections");
        for (CollectionsController.Collection one : c.collections()) {
            String base = ServiceLinks.url("/collections/" + one.id());
            page.subheading(one.title()).paragraph(one.description())
                    .links(null, itemLinks(base, one.title()));
        }
        return page.links("Formats:", List.of(new HtmlPage.Anchor(ServiceLinks.url("/collections?f=json"), "JSON"))).render();
    }

    private static HtmlPage collection(CollectionsController.Collection c) {
        String base = ServiceLinks.url("/collections/" + c.id());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", c.id()});
        if (c.extent() != null && c.extent().spatial() != null) {
            double[] b = c.extent().spatial().bbox().get(0);
            rows.add(new String[] {"Bounding box (lon/lat)", b[0] + ", " + b[1] + " – " + b[2] + ", " + b[3]});
        }
        if (c.extent() != null && c.extent().temporal() != null) {
            List<String> interval = c.extent().temporal().interval().get(0);
            rows.add(new String[] {"Time", interval.get(0) + " – " + interval.get(1)});
        }
        rows.add(new String[] {"Storage CRS", c.storageCrs()});
        return new HtmlPage(ServiceLinks.url(""), c.title()).heading(c.title()).paragraph(c.description())
                .definitions(rows).links(null, itemLinks(base, c.title()))
                .links("Formats:", List.of(new HtmlPage.Anchor(base + "?f=json", "JSON")));
    }

    private static List<HtmlPage.Anchor> itemLinks(String base, String title) {
        return List.of(new HtmlPage.Anchor(base + "?f=html", "About " + title),
                new HtmlPage.Anchor(base + "/items?f=html", "Browse"),
                new HtmlPage.Anchor(base + "/items?f=json", "GeoJSON"),
                new HtmlPage.Anchor(base + "/items?f=csv&limit=10000", "CSV"),
                new HtmlPage.Anchor(base + "/items?f=fgb&limit=10000", "FlatGeobuf"),
                new HtmlPage.Anchor(base + "/items?f=gpkg&limit=10000", "GeoPackage"));
    }
}
