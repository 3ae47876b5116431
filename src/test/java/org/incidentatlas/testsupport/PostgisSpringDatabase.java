package org.incidentatlas.testsupport;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** What {@link OnPostgis} does: the check before Spring starts, and the datasource of the context. */
public final class PostgisSpringDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        OnPostgis on = TestContextAnnotationUtils.findMergedAnnotation(testClass, OnPostgis.class);
        return on == null ? null : new Datasource(testClass.getName(), on.value());
    }

    /** One database per test class: the class name keeps the contexts of different classes apart in Spring's cache. */
    private record Datasource(String testClass, String nameHint) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase(nameHint);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgis-test-database", Map.of(
                    "spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", db.user(),
                    "spring.datasource.password", db.password())));
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
