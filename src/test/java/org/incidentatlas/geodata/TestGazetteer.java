package org.incidentatlas.geodata;

import java.io.IOException;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;

/** The gazetteer built from the committed data files, as the service builds it. */
public final class TestGazetteer {

    private TestGazetteer() {
    }

    public static Gazetteer fromCommittedData() throws IOException {
        NameKeys keys = new NameKeys();
        QueryWords words = new QueryWords(keys);
        return new Gazetteer(new PlaceFiles(keys, words).load(), keys, words);
    }
}
