package org.incidentatlas;

import org.incidentatlas.ingest.IngestCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * incident-atlas: armed-conflict incidents as OGC API - Features. With {@code ingest <files or
 * folders>} as arguments it ingests those reports without starting the web server, then exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentAtlasApplication {

    public static void main(String[] args) {
        SpringApplication app = application(args);
        if (IngestCommand.requested(args)) {
            ConfigurableApplicationContext context = app.run(args);
            System.exit(SpringApplication.exit(context));
        }
        app.run(args);
    }

    /** The application for these arguments: without a web server for {@code ingest}. */
    public static SpringApplication application(String... args) {
        SpringApplication app = new SpringApplication(IncidentAtlasApplication.class);
        if (IngestCommand.requested(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        return app;
    }
}
