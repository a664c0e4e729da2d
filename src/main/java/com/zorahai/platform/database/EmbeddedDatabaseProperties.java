package com.zorahai.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server the app starts itself when no database is configured.
 *
 * @param dataDirectory where the server keeps its data; {@code temporary} for a throw-away server (tests)
 * @param database the database the app uses on that server
 * @param databasePerContext whether each application context gets a fresh database of its own (tests)
 */
@ConfigurationProperties("zorah.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./var/postgres") String dataDirectory,
        @DefaultValue("zorah") String database, @DefaultValue("false") boolean databasePerContext) {
}
