package org.incidentatlas.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.Country;
import org.incidentatlas.geodesy.GeodesicNearest;
import org.incidentatlas.geodesy.NearestPoint;
import org.incidentatlas.borders.TestBorders;
import org.incidentatlas.geodata.TestGazetteer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import net.sf.geographiclib.Geodesic;

/** The uncertainty radius of places: stated by derived rows, a default by type otherwise; Kokhanabi's derivation holds. */
class PlaceUncertaintyTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void aDerivedSourceStatesItsRadiusAndOtherSourcesDoNot() {
        assertThat(PlaceUncertainty.stated("DERIVED: on the geodesic …; ±3 km")).hasValue(3000);
        assertThat(PlaceUncertainty.stated("DERIVED: a first guess ±6 km, then ± 2.5 km")).hasValue(2500);
        assertThat(PlaceUncertainty.stated("DERIVED: 800 m off the road; ±800 m")).hasValue(800);
        assertThat(PlaceUncertainty.stated("ru-Wikipedia, arc-minute precision only (±1 km)")).isEmpty();
        assertThat(PlaceUncertainty.stated("DERIVED without a radius")).isEmpty();
        assertThat(PlaceUncertainty.stated(null)).isEmpty();
    }

    @Test
    void otherPlacesGetADefaultByTypeAndLinesCoverTheirFeature() {
        var point = WGS84.createPoint(new Coordinate(45.0, 40.0));
        assertThat(PlaceUncertainty.of(FeatureType.VILLAGE, "GeoNames 1", point, point)).isEqualTo(1000);
        assertThat(PlaceUncertainty.of(FeatureType.CITY, "GeoNames 1", point, point)).isEqualTo(5000);
        assertThat(PlaceUncertainty.of(FeatureType.BORDER_CROSSING, "x", point, point)).isEqualTo(500);
        assertThat(PlaceUncertainty.of(FeatureType.REGION, "x", point, point)).isNull();
        assertThat(PlaceUncertainty.of(FeatureType.VILLAGE, "DERIVED: 3 km north of a village", point, point))
                .as("a derived point without a stated radius gets none, not a default").isNull();
        assertThat(PlaceUncertainty.of(FeatureType.DISTRICT, "DERIVED: centroid; ±20 km", point, point)).isEqualTo(20_000);
        var road = WGS84.createLineString(new Coordinate[] {new Coordinate(45.0, 40.0), new Coordinate(45.0, 40.2)});
        int covering = PlaceUncertainty.of(FeatureType.ROAD, "OSM", road, point);
        assertThat(covering).isBetween(22_100, 22_300);
    }

    @Test
    void committedDerivedPlacesCarryTheirStatedRadiusAndPrecisionTwo() throws Exception {
        Gazetteer gazetteer = TestGazetteer.fromCommittedData();
        Place kokhanabi = gazetteer.place("aze-tovuz-kokhanabi").orElseThrow();
        assertThat(kokhanabi.uncertaintyM()).isEqualTo(4000);
        assertThat(kokhanabi.geoPrecision()).isEqualTo(2);
        assertThat(gazetteer.geocode(GeocodeQuery.of("Kokhanabi", "Tovuz region")).orElseThrow().geoPrecision()).isEqualTo(2);
        Place nerkinHand = gazetteer.place("arm-syunik-nerkin-hand").orElseThrow();
        assertThat(nerkinHand.uncertaintyM()).isEqualTo(3000);
        assertThat(nerkinHand.geoPrecision()).isEqualTo(2);
        Place chinari = gazetteer.place("arm-tavush-chinari").orElseThrow();
        assertThat(chinari.uncertaintyM()).isEqualTo(1000);
        assertThat(chinari.geoPrecision()).isEqualTo(1);
    }

    /** Recomputes Kokhanabi's point from Chinari and the ARM-AZE border as SOURCES.md describes it. */
    @Test
    void kokhanabiIsFiveHundredMetresIntoAzerbaijanBeyondTheBorderPointNearestChinari() throws Exception {
        Gazetteer gazetteer = TestGazetteer.fromCommittedData();
        Place chinari = gazetteer.place("arm-tavush-chinari").orElseThrow();
        Place kokhanabi = gazetteer.place("aze-tovuz-kokhanabi").orElseThrow();
        Border armAze = TestBorders.borders().stream().filter(b -> b.id().equals("ARM-AZE")).findFirst().orElseThrow();
        GeodesicNearest border = new GeodesicNearest(armAze.geometry());
        NearestPoint crossing = border.nearest(chinari.lon(), chinari.lat());
        var line = Geodesic.WGS84.Inverse(chinari.lat(), chinari.lon(), crossing.lat(), crossing.lon());
        var derived = Geodesic.WGS84.Direct(chinari.lat(), chinari.lon(), line.azi1, crossing.distanceM() + 500);
        assertThat(Geodesic.WGS84.Inverse(derived.lat2, derived.lon2, kokhanabi.lat(), kokhanabi.lon()).s12)
                .as("the committed point is the derived one (to the 5 decimals written)").isLessThan(2);
        assertThat(border.nearest(kokhanabi.lon(), kokhanabi.lat()).distanceM()).isBetween(200.0, 600.0);
        List<Country> countries = TestBorders.countries();
        Country azerbaijan = countries.stream().filter(c -> c.iso3().equals("AZE")).findFirst().orElseThrow();
        assertThat(azerbaijan.geometry().contains(kokhanabi.point())).isTrue();
    }
}
