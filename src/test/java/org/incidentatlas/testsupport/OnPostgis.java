package org.incidentatlas.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test class against a fresh database of its own on the test PostGIS server
 * ({@link PostgisTestDatabase}): the class is skipped (failed with CI=true) before Spring starts
 * when there is no PostGIS, and the application's datasource points at the new database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SpringTestDatabase.RequirePostgis.class)
@ContextCustomizerFactories(SpringTestDatabase.class)
public @interface OnPostgis {

    /** Part of the database name, to tell the test databases apart. */
    String value();
}
