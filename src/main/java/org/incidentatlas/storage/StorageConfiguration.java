package org.incidentatlas.storage;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    DatabaseBackend databaseBackend(DataSource dataSource) {
        return DatabaseBackend.of(dataSource);
    }

    /**
     * Every JdbcTemplate of the service (the streaming ones copy it, see {@link KeysetPages}) runs
     * its statements under {@code atlas.db.statement-timeout} and reports a timeout or a bad value
     * as such (see {@link DatabaseErrorTranslator}).
     */
    @Bean
    static BeanPostProcessor timedStatements(ObjectProvider<DatabaseLimits> limits) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcTemplate jdbc && !(jdbc.getExceptionTranslator() instanceof DatabaseErrorTranslator)) {
                    DatabaseLimits l = limits.getObject();
                    jdbc.setQueryTimeout(l.timeoutSeconds());
                    jdbc.setExceptionTranslator(new DatabaseErrorTranslator(jdbc.getExceptionTranslator(), l));
                }
                return bean;
            }
        };
    }
}
