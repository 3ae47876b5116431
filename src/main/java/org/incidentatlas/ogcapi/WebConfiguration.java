package org.incidentatlas.ogcapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.incidentatlas.web.WriteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final WriteAccess writeAccess;

    public WebConfiguration(WriteAccess writeAccess) {
        this.writeAccess = writeAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(writeAccess).addPathPatterns("/collections/**", "/borders", "/borders/**", "/reports", "/reports/**");
    }

    @Bean
    OpenAPI apiDefinition() {
        return new OpenAPI()
                .info(new Info().title("incident-atlas").version("0.1")
                        .description("Armed-conflict incidents as OGC API - Features (Part 1 Core, GeoJSON; Part 4 create/replace/delete).")
                        .license(new License().name("Data: see geodata/README.md for sources and licences")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The write token (ATLAS_WRITE_TOKEN)")));
    }
}
