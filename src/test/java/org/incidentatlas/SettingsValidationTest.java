package org.incidentatlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentatlas.cql.FilterLimits;
import org.incidentatlas.gazetteer.GazetteerSettings;
import org.incidentatlas.geodata.DemoDataSettings;
import org.incidentatlas.geodata.DemoDataSource;
import org.incidentatlas.incidents.JobSettings;
import org.incidentatlas.storage.DatabaseLimits;
import org.incidentatlas.storage.DatabaseOutage;
import org.incidentatlas.storage.ReplicaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The typed settings: their defaults, and a value out of range stops the start-up naming the setting. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({FilterLimits.class, GazetteerSettings.class, DemoDataSettings.class, DemoDataSource.class,
            JobSettings.class, DatabaseLimits.class, DatabaseOutage.class, ReplicaSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsHaveTheirDefaults() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(FilterLimits.class)).isEqualTo(FilterLimits.DEFAULT);
            assertThat(c.getBean(GazetteerSettings.class).fuzzyThreshold()).isEqualTo(0.875);
            assertThat(c.getBean(DemoDataSettings.class).demoData()).isEqualTo("auto");
            assertThat(c.getBean(DemoDataSource.class).source()).isEqualTo("reports");
            assertThat(c.getBean(JobSettings.class)).isEqualTo(new JobSettings(30, 5));
            assertThat(c.getBean(DatabaseOutage.class).retryAfterSeconds()).isEqualTo(5);
            assertThat(c.getBean(ReplicaSettings.class)).isEqualTo(new ReplicaSettings("", "", "", 5, 1000));
        });
    }

    @Test
    void bothDemoDataSettingsBindSideBySide() {
        context.withPropertyValues("atlas.demo-data=true", "atlas.demo-data.source=coded").run(c -> {
            assertThat(c.getBean(DemoDataSettings.class).demoData()).isEqualTo("true");
            assertThat(c.getBean(DemoDataSource.class).source()).isEqualTo("coded");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"atlas.filter.max-depth=0", "atlas.filter.max-length=-1", "atlas.gazetteer.fuzzy-threshold=1.5",
            "atlas.demo-data=sometimes", "atlas.demo-data.source=rumours", "atlas.jobs.lease-seconds=0",
            "atlas.jobs.poll-seconds=0", "atlas.db.statement-timeout=-1s", "atlas.db.retry-after-seconds=0",
            "atlas.db.read-max-lag-seconds=0", "atlas.db.read-lag-check-ms=1"})
    void aValueOutOfRangeStopsTheStartUpNamingTheSetting(String setting) {
        String name = setting.substring(0, setting.indexOf('='));
        context.withPropertyValues(setting).run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().hasMessageContaining(name.substring(name.lastIndexOf('.') + 1));
            assertThat(c.getStartupFailure()).hasStackTraceContaining(name.substring(0, name.lastIndexOf('.')));
        });
    }
}
