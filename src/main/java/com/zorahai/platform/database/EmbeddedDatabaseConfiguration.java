package com.zorahai.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts a real PostgreSQL server when no database is configured, so the app runs with no setup at all. A
 * configured {@code spring.datasource.url} (or {@code DATABASE_URL}) turns this off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /** The data directory value that asks for a throw-away server. */
    static final String TEMPORARY = "temporary";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDirectory());
        String database = properties.databasePerContext()
                ? "ctx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                : properties.database();
        server.ensureDatabase(database);
        log.info("Database: embedded PostgreSQL (no DATABASE_URL or spring.datasource.url configured)");
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(database));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("embedded");
        return dataSource;
    }
}
