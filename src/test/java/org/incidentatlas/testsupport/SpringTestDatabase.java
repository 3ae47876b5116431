package org.incidentatlas.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What {@link OnPostgis} and {@link OnH2gis} do: a database of the test class's own as the application's
 * datasource (a new in-memory H2GIS database, or a new database on the test PostGIS server), and for PostGIS the
 * check before Spring starts.
 */
public final class SpringTestDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        OnPostgis postgis = TestContextAnnotationUtils.findMergedAnnotation(testClass, OnPostgis.class);
        if (postgis != null) {
            return new Datasource(testClass.getName(), Backend.POSTGIS, postgis.value());
        }
        OnH2gis h2gis = TestContextAnnotationUtils.findMergedAnnotation(testClass, OnH2gis.class);
        return h2gis == null ? null : new Datasource(testClass.getName(), Backend.H2GIS, h2gis.value());
    }

    private enum Backend { POSTGIS, H2GIS }

    /** One database per test class: the class name keeps the contexts of different classes apart in Spring's cache. */
    private record Datasource(String testClass, Backend backend, String nameHint) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            Map<String, Object> properties;
            if (backend == Backend.POSTGIS) {
                PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase(nameHint);
                properties = Map.of("spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", db.user(),
                        "spring.datasource.password", db.password());
            } else {
                properties = Map.of("spring.datasource.url", "jdbc:h2:mem:" + nameHint + "-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1", "spring.datasource.username", "sa", "spring.datasource.password", "");
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
        }
    }

    /** Skips (or, on CI, fails) the class before Spring starts when there is no PostGIS. */
    static final class RequirePostgis implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            PostgisTestDatabase.shared();
        }
    }
}
