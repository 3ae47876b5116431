package org.incidentatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** incident-atlas: armed-conflict incidents as OGC API - Features. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentAtlasApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentAtlasApplication.class, args);
    }
}
