package org.incidentatlas.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import tools.jackson.core.JsonPointer;

/**
 * Field names as the client wrote them, for {@link FieldError}: from a JSON pointer
 * ({@code /claims/2/fatalities}) or a Bean Validation property path on a body record, whose Java
 * names become their JSON names ({@code publishedAt} → {@code published_at} by its {@link JsonProperty}).
 * The one place that spells out how a path is written: {@code prefix.name[index].name}.
 */
public final class JsonFieldPaths {

    private JsonFieldPaths() {
    }

    /** {@code at} followed by the pointer's members; {@code at} alone (or "body") for the root. */
    public static String of(String at, String pointer) {
        StringBuilder out = new StringBuilder(at);
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                index(out, p.getMatchingIndex());
            } else {
                member(out, p.getMatchingProperty());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /** The violation's property path, each Java record component by its JSON name. */
    public static String of(String at, ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder(at);
        Type owner = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                owner = elementType(owner);
                if (node.getIndex() != null) {
                    index(out, node.getIndex());
                }
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                RecordComponent component = component(owner, node.getName());
                member(out, jsonName(component, node.getName()));
                owner = component == null ? Object.class : component.getGenericType();
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static void index(StringBuilder out, int index) {
        out.append('[').append(index).append(']');
    }

    private static void member(StringBuilder out, String name) {
        out.append(out.isEmpty() || out.charAt(out.length() - 1) == '.' ? "" : ".").append(name);
    }

    private static RecordComponent component(Type owner, String name) {
        if (owner instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return rc;
                }
            }
        }
        return null;
    }

    private static String jsonName(RecordComponent component, String javaName) {
        if (component == null) {
            return javaName;
        }
        try {
            JsonProperty p = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            return p == null || p.value().isEmpty() ? javaName : p.value();
        } catch (NoSuchFieldException e) {
            return javaName;
        }
    }

    private static Type elementType(Type listType) {
        return listType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
