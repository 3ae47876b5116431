package org.incidentatlas.storage;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    DatabaseBackend databaseBackend(DataSource dataSource) {
        return DatabaseBackend.of(dataSource);
    }

    /**
     * PostgreSQL compiles a plan whose cost estimate is high with JIT, which alone takes 100 ms and
     * more (docs/BENCHMARKS.md, border proximity); the service's queries run in milliseconds, so its
     * connections do without. A connection-init-sql of the operator's own is left alone.
     */
    @Bean
    static BeanPostProcessor postgresSessionsWithoutJit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql("SET jit = off");
                }
                return bean;
            }
        };
    }
}
