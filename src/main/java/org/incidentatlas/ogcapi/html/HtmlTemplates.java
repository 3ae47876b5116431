package org.incidentatlas.ogcapi.html;

import java.io.Writer;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.output.WriterOutput;
import org.springframework.stereotype.Component;

/**
 * The HTML pages' templates (src/main/jte): compiled to Java classes at build time by jte-maven-plugin, so a
 * template that does not compile fails the build, and every {@code ${…}} is escaped for where it stands.
 * Each page template takes one record, its page.
 */
@Component
public class HtmlTemplates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Object page) {
        StringOutput out = new StringOutput();
        render(template, page, out);
        return out.toString();
    }

    public void render(String template, Object page, Writer out) {
        render(template, page, new WriterOutput(out));
    }

    /** Into the output of a template being written (the rows of an items page). */
    public void render(String template, Object page, TemplateOutput out) {
        engine.render(template, page, out);
    }
}
