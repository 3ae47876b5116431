package org.incidentatlas.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test class against a fresh in-memory H2 + H2GIS database of its own, the embedded default's
 * engine: the counterpart of {@link OnPostgis}, so that a contract's two subclasses differ only by the annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextCustomizerFactories(SpringTestDatabase.class)
public @interface OnH2gis {

    /** Part of the database name, to tell the test databases apart. */
    String value();
}
