package org.incidentatlas.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.borders.BorderStore;
import org.incidentatlas.borders.Country;
import org.incidentatlas.storage.DatasetLoads;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the country polygons and the international borders ({@code geodata/countries},
 * {@code geodata/borders}) into the database when the committed files differ from what it holds,
 * leaving analysts' border layers alone; then builds the border snapshot the service measures with.
 */
@Component
public class BorderDataLoader {

    static final String DATASET = "borders";
    private static final String COUNTRIES = "geodata/countries/countries.geojson";
    private static final String BORDERS = "geodata/borders/borders.geojson";
    private static final Logger LOG = LoggerFactory.getLogger(BorderDataLoader.class);

    private final BorderStore store;
    private final BorderRegistry registry;
    private final DatasetLoads loads;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    public BorderDataLoader(BorderStore store, BorderRegistry registry, DatasetLoads loads, PlatformTransactionManager transactions,
                            ApplicationEventPublisher events, JsonMapper json) {
        this.store = store;
        this.registry = registry;
        this.loads = loads;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.json = json;
    }

    public void load() throws IOException {
        byte[] countries = read(COUNTRIES);
        byte[] borders = read(BORDERS);
        String version = DatasetLoads.digest(countries, borders);
        boolean changed = loads.version(DATASET).filter(version::equals).isEmpty();
        if (changed) {
            List<Country> countryList = countries(countries);
            List<Border> borderList = borders(borders);
            // another instance starting at the same time may have loaded them while this one read the files
            changed = Boolean.TRUE.equals(transaction.execute(status -> {
                loads.lockLoading();
                if (loads.version(DATASET).filter(version::equals).isPresent()) {
                    return false;
                }
                store.replaceCountries(countryList);
                store.replaceInternational(borderList);
                store.bumpVersion();
                loads.markLoaded(DATASET, version);
                return true;
            }));
            if (changed) {
                LOG.info("Loaded {} countries and {} international borders (data version {})", countryList.size(), borderList.size(),
                        version);
            }
        }
        registry.reload();
        if (changed) {
            events.publishEvent(new BorderRegistry.BordersChanged("international borders loaded, version " + version));
        }
    }

    private List<Country> countries(byte[] content) {
        List<Country> out = new ArrayList<>();
        for (JsonNode f : json.readTree(content).path("features")) {
            JsonNode p = f.path("properties");
            out.add(new Country(p.path("iso3").asString(), p.path("name").asString(), geometry(f),
                    p.path("source").asString(null), p.path("vintage").asString(null)));
        }
        return out;
    }

    private List<Border> borders(byte[] content) {
        List<Border> out = new ArrayList<>();
        for (JsonNode f : json.readTree(content).path("features")) {
            JsonNode p = f.path("properties");
            out.add(new Border(p.path("id").asString(), p.path("name").asString(), Border.INTERNATIONAL,
                    p.path("country_a").asString(null), p.path("country_b").asString(null), geometry(f),
                    p.path("source").asString(null), p.path("vintage").asString(null), date(p.path("valid_from")),
                    date(p.path("valid_to"))));
        }
        return out;
    }

    private org.locationtech.jts.geom.Geometry geometry(JsonNode feature) {
        try {
            return new GeoJsonReader(geometries).read(feature.path("geometry").toString());
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry in committed geodata: " + e.getMessage(), e);
        }
    }

    private static LocalDate date(JsonNode node) {
        return node.isString() ? LocalDate.parse(node.asString()) : null;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
