package org.incidentatlas.ogcapi;

import java.util.List;

import org.incidentatlas.ogcapi.html.HtmlTemplates;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the HTML representation of the capability and collection documents. */
@Configuration(proxyBeanMethods = false)
class HtmlConfiguration implements WebMvcConfigurer {

    private final HtmlTemplates templates;

    HtmlConfiguration(HtmlTemplates templates) {
        this.templates = templates;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new HtmlDocuments(templates));
    }
}
