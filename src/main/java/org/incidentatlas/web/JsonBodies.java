package org.incidentatlas.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies as Jackson records checked with Bean Validation, every problem collected with the
 * JSON path of its field ({@code properties.claims[2].fatalities}) rather than failing at the first.
 * Scalars are strict — a number where a string is expected is an error, never coerced — which
 * Jackson's own coercion settings can only report one at a time, hence the small deserializers here
 * (for the boxed types, which body records use: a missing number is null, not 0).
 */
@Component
public class JsonBodies {

    /**
     * A bound body and what was wrong with it; {@code value} may be partly null where {@code errors}
     * say why, and is null only when the body could not be bound at all (then {@code errors} say so).
     */
    public record Read<T>(T value, List<FieldError> errors, Map<String, Set<String>> unknownProperties) {
    }

    private final JsonMapper mapper;
    private final Validator validator;

    /** For code that runs outside Spring (the {@code ingest} command's files, unit tests). */
    public JsonBodies() {
        this(Validation.buildDefaultValidatorFactory().getValidator());
    }

    @Autowired
    public JsonBodies(Validator validator) {
        this.validator = validator;
        SimpleModule strict = new SimpleModule("strict-scalars")
                .addDeserializer(String.class, new Strict<>(String.class, p -> {
                    expect(p.currentToken() == JsonToken.VALUE_STRING, "must be a string");
                    return p.getString();
                }))
                .addDeserializer(Integer.class, new Strict<>(Integer.class, p -> {
                    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT,
                            "must be a whole number");
                    return p.getIntValue();
                }))
                .addDeserializer(Long.class, new Strict<>(Long.class, p -> {
                    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                            "must be a whole number");
                    return p.getLongValue();
                }))
                .addDeserializer(Double.class, new Strict<>(Double.class, p -> {
                    expect(p.currentToken().isNumeric(), "must be a number");
                    return p.getDoubleValue();
                }))
                .addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, p -> {
                    expect(p.currentToken() == JsonToken.VALUE_STRING, "must be a string");
                    String s = p.getString().strip();
                    try {
                        return s.isEmpty() ? null : LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        throw new Refused("'" + s + "' is not an ISO date (YYYY-MM-DD)");
                    }
                }));
        this.mapper = JsonMapper.builder()
                .addModule(strict)
                .addHandler(new Collecting())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * Binds {@code node} to {@code type} and validates it; field names in the errors are prefixed
     * with {@code at} ("" for the body itself, "properties.claims", "[3]").
     */
    public <T> Read<T> read(JsonNode node, Class<T> type, String at) {
        return read(node, mapper.constructType(type), at);
    }

    /** As {@link #read(JsonNode, Class, String)} for generic types such as {@code List<ClaimBody>}. */
    public <T> Read<T> read(JsonNode node, JavaType type, String at) {
        List<Problem> problems = new ArrayList<>();
        T value;
        try {
            value = mapper.readerFor(type).withAttribute(Problem.class, problems).readValue(node);
        } catch (DatabindException e) {
            // a shape the handler is not asked about ("" where an object belongs, which Jackson would
            // otherwise read as null): still the client's error, named where it stands, though alone
            problems.add(new Problem(pointer(e), "cannot be read: " + e.getOriginalMessage()));
            value = null;
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (p.unknownProperty() != null) {
                unknown.computeIfAbsent(JsonFieldPaths.of(at, p.path()), k -> new TreeSet<>()).add(p.unknownProperty());
            } else {
                errors.add(new FieldError(JsonFieldPaths.of(at, p.path()), p.message()));
            }
        }
        if (value != null) {
            // a field the binding already refused is null now: its @NotNull would only repeat that
            Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            validator.validate(value).stream().map(v -> violation(v, at)).filter(e -> !reported.contains(e.field()))
                    .sorted(Comparator.comparing(FieldError::field)).forEach(errors::add);
        }
        return new Read<>(value, errors, unknown);
    }

    public JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static FieldError violation(ConstraintViolation<?> v, String at) {
        return new FieldError(JsonFieldPaths.of(at, v), v.getMessage());
    }

    /** One binding problem at a JSON pointer; {@code unknownProperty} set when that is all it is. */
    private record Problem(String path, String message, String unknownProperty) {
        Problem(String path, String message) {
            this(path, message, null);
        }
    }

    private static String pointer(DatabindException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            out.append('/').append(r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Problem> problems(DeserializationContext ctxt) {
        return (List<Problem>) ctxt.getAttribute(Problem.class);
    }

    private static String path(JsonParser p) {
        return p.streamReadContext().pathAsPointer().toString();
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new Refused(message);
        }
    }

    /** A value refused with the message the client reads. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface ScalarReader<T> {
        T read(JsonParser p);
    }

    /** A scalar read exactly as its type says; anything else is noted at its path and read as null. */
    private static final class Strict<T> extends ValueDeserializer<T> {
        private final Class<T> type;
        private final ScalarReader<T> reader;

        Strict(Class<T> type, ScalarReader<T> reader) {
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            try {
                return reader.read(p);
            } catch (Refused e) {
                problems(ctxt).add(new Problem(path(p), e.getMessage()));
                p.skipChildren();
                return null;
            }
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /** Notes the problems Jackson meets in the body's shape (an object where a list belongs, unknown members, a record's own rules) and reads on. */
    private static final class Collecting extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg) {
            problems(ctxt).add(new Problem(path(p), targetType.isCollectionLikeType() ? "must be an array" : "must be an object"));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, tools.jackson.databind.deser.ValueInstantiator inst,
                                                JsonParser p, String msg) {
            problems(ctxt).add(new Problem(path(p), "must be an object"));
            p.skipChildren();
            return null;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer, Object bean,
                                             String propertyName) {
            problems(ctxt).add(new Problem(p.streamReadContext().pathAsPointer().head().toString(), null, propertyName));
            p.skipChildren();
            return true;
        }

        /** A record's compact constructor refuses values it cannot hold (rules across fields): the message names the object. */
        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) {
            if (t instanceof IllegalArgumentException) {
                problems(ctxt).add(new Problem(path(ctxt.getParser()), t.getMessage()));
                return null;
            }
            return NOT_HANDLED;
        }
    }
}
