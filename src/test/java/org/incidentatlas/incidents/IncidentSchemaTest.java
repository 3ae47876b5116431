package org.incidentatlas.incidents;

import org.incidentatlas.web.FieldError;
import org.incidentatlas.web.JsonBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.cql.Queryable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incident definition itself: each field's value goes through the one assembler and comes
 * back whole, the queryables are the queryable fields, and the GeoJSON reader refuses a wrongly
 * typed value of every writable field naming that field.
 */
class IncidentSchemaTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final IncidentFeatureReader reader = new IncidentFeatureReader(new IncidentValidator(), new JsonBodies());

    /** An incident with every field set (none null), so that a field the assembler drops shows. */
    static Incident everyFieldSet() {
        IncidentData d = new IncidentData(LocalDate.of(2022, 9, 13), LocalDate.of(2022, 9, 14), DatePrecision.WEEK,
                EventTaxonomy.EXPLOSIONS, "Shelling/artillery/missile attack", "Actor one", "Actor two",
                new IncidentLocation(TestIncidents.point(45.5, 39.5), "Test settlement", "gaz:1", "ARM", "Syunik", "Goris", 2, 1500),
                new Casualties(2, 1, 3), new Casualties(5, 4, 6),
                List.of(new Claim("Ministry A", "ARM", 3, 1, "Says three died.", "r1", new TextSpan(1, 9))),
                List.of(new SourceRef("r1", "https://example.org/a", "Wire", LocalDate.of(2022, 9, 14), "Title", 7L,
                        List.of(new TextSpan(0, 12)))),
                "notes", ReviewStatus.EXTRACTED, 0.75);
        BorderMetrics metrics = new BorderMetrics(1234.5, "arm-aze", 45.6, 39.6, "ARM", null);
        return new Incident(42, d, metrics, Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-02-03T04:05:06Z"), 3);
    }

    @Test
    void everyStoredFieldRoundTripsThroughTheAssembler() {
        Incident incident = everyFieldSet();
        Map<IncidentField, Object> values = new EnumMap<>(IncidentField.class);
        for (IncidentField f : IncidentSchema.STORED) {
            Object v = f.value(incident);
            assertThat(v).as(f.property()).isNotNull();
            values.put(f, v);
        }
        assertThat(IncidentSchema.incident(values)).isEqualTo(incident);
    }

    @Test
    void everyWritableFieldRoundTripsThroughTheData() {
        IncidentData data = everyFieldSet().data();
        Map<IncidentField, Object> values = new EnumMap<>(IncidentField.class);
        IncidentSchema.WRITABLE.forEach(f -> values.put(f, f.value(data)));
        assertThat(IncidentSchema.data(values)).isEqualTo(data);
        // and each one matters: leaving it out changes the data
        for (IncidentField f : IncidentSchema.WRITABLE) {
            Map<IncidentField, Object> without = new EnumMap<>(values);
            without.remove(f);
            assertThat(IncidentSchema.data(without)).as(f.property()).isNotEqualTo(data);
        }
    }

    @Test
    void storeKeptFieldsHaveNoDataValue() {
        assertThatThrownBy(() -> IncidentField.VERSION.value(everyFieldSet().data())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesAndColumnsAreUnique() {
        assertThat(IncidentSchema.FIELDS.stream().map(IncidentField::property)).doesNotHaveDuplicates();
        assertThat(IncidentSchema.STORED.stream().map(IncidentField::column)).doesNotHaveDuplicates();
        for (IncidentField f : IncidentSchema.FIELDS) {
            assertThat(IncidentSchema.byProperty(f.property())).contains(f);
            assertThat(f.description()).as(f.property()).isNotBlank();
        }
    }

    @Test
    void theQueryablesAreTheQueryableFieldsWithTheirColumnsAndTypes() {
        List<IncidentField> queryable = IncidentSchema.with(IncidentField.Trait.QUERYABLE);
        assertThat(IncidentQueryables.ALL.stream().map(Queryable::name))
                .containsExactlyElementsOf(queryable.stream().map(IncidentField::property).toList());
        for (IncidentField f : queryable) {
            Queryable q = Queryable.find(IncidentQueryables.ALL, f.property());
            assertThat(q.column()).isEqualTo(f.column());
            assertThat(q.type()).isEqualTo(f.type().cqlType());
        }
        assertThat(Queryable.find(IncidentQueryables.ALL, "event_interval").endColumn()).isEqualTo("event_last_date");
    }

    @Test
    void theClaimsSideAndTheUncertaintyAreInTheDefinition() {
        assertThat(IncidentSchema.byProperty("location_uncertainty_m")).hasValueSatisfying(f -> {
            assertThat(f.writable()).isTrue();
            assertThat(f.has(IncidentField.Trait.EXPORTED)).isTrue();
            assertThat(f.has(IncidentField.Trait.EXTRACTED)).isTrue();
        });
        assertThat(IncidentSchema.elementType(IncidentField.CLAIMS).getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName).contains("side");
    }

    /** A valid feature carrying every writable property (the reader's own output form). */
    ObjectNode validFeature() {
        String text = """
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [45.5, 39.5]},
                 "properties": {"event_date": "2022-09-13", "event_date_end": "2022-09-14", "date_precision": "week",
                  "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                  "actor1": "Actor one", "actor2": "Actor two", "location_name": "Test settlement", "place_id": "gaz:1",
                  "country": "ARM", "admin1": "Syunik", "admin2": "Goris", "geo_precision": 2, "location_uncertainty_m": 1500,
                  "fatalities": 2, "fatalities_low": 1, "fatalities_high": 3, "injured": 5, "injured_low": 4, "injured_high": 6,
                  "claims": [{"claimant": "Ministry A", "side": "ARM", "fatalities": 3, "injured": 1, "summary": "Says three died.",
                              "source": "r1", "span": {"start": 1, "end": 9}}],
                  "sources": [{"id": "r1", "url": "https://example.org/a", "outlet": "Wire", "published": "2022-09-14",
                               "title": "Title", "report": 7, "spans": [{"start": 0, "end": 12}]}],
                  "notes": "notes", "status": "extracted", "confidence": 0.75}}
                """;
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void theReaderReadsEveryWritableField() {
        ObjectNode feature = validFeature();
        assertThat(feature.path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(IncidentSchema.PROPERTIES.stream().filter(IncidentField::writable)
                        .map(IncidentField::property).toList());
        assertThat(reader.read(feature)).isEqualTo(everyFieldSet().data());
    }

    static List<IncidentField> writableProperties() {
        return IncidentSchema.PROPERTIES.stream().filter(IncidentField::writable).toList();
    }

    @ParameterizedTest
    @MethodSource("writableProperties")
    void aWronglyTypedValueIsRefusedNamingTheField(IncidentField field) {
        ObjectNode feature = validFeature();
        ObjectNode properties = (ObjectNode) feature.get("properties");
        // a value of the wrong JSON type for the field's type
        switch (field.type()) {
            case TEXT, DATE, LIST -> properties.put(field.property(), 5);
            default -> properties.put(field.property(), "five");
        }
        assertThatThrownBy(() -> reader.read(feature)).isInstanceOfSatisfying(InvalidIncidentException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains("properties." + field.property()));
    }
}
