package com.zorahai.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server the app starts itself when no database is configured.
 *
 * @param dataDir where the server keeps its data ({@code ZORAH_DATABASE_EMBEDDED_DATA_DIR}); {@code temporary} for a
 *        throw-away server (tests)
 * @param database the database the app uses on that server
 * @param databasePerContext whether each application context gets a fresh database of its own (tests)
 */
@ConfigurationProperties("zorah.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./var/postgres") String dataDir,
        @DefaultValue("zorah") String database, @DefaultValue("false") boolean databasePerContext) {

    /** The data directory; {@code null} for a throw-away server. */
    Path dataDirectory() {
        return dataDir == null || dataDir.isBlank() || EmbeddedDatabaseConfiguration.TEMPORARY.equals(dataDir)
                ? null
                : Path.of(dataDir);
    }
}
