package org.incidentatlas.geodata;

import java.io.IOException;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.PlaceStore;
import org.incidentatlas.storage.DatasetLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors the gazetteer's places into the {@code places} table at start-up, when the committed
 * place files differ from what the database holds (all or nothing). The gazetteer already carries
 * the analysts' corrections, which are kept in their own table and so survive the reload.
 */
@Component
public class PlaceTableSync {

    static final String DATASET = "places";
    /** Bumped when the table gains columns filled from the files (2: uncertainty_m). */
    private static final String LAYOUT = "2:";
    private static final Logger LOG = LoggerFactory.getLogger(PlaceTableSync.class);

    private final Gazetteer gazetteer;
    private final PlaceStore places;
    private final DatasetLoads loads;
    private final TransactionTemplate transaction;

    public PlaceTableSync(Gazetteer gazetteer, PlaceStore places, DatasetLoads loads, PlatformTransactionManager transactions) {
        this.gazetteer = gazetteer;
        this.places = places;
        this.loads = loads;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void load() throws IOException {
        String version = LAYOUT + PlaceFiles.version();
        if (loads.version(DATASET).filter(version::equals).isPresent()) {
            return;
        }
        boolean stored = Boolean.TRUE.equals(transaction.execute(status -> {
            // another instance starting at the same time may have stored them meanwhile
            loads.lockLoading();
            if (loads.version(DATASET).filter(version::equals).isPresent()) {
                return false;
            }
            places.replaceAll(gazetteer.places());
            loads.markLoaded(DATASET, version);
            return true;
        }));
        if (!stored) {
            return;
        }
        LOG.info("Stored {} gazetteer places (data version {})", gazetteer.places().size(), version);
    }
}
