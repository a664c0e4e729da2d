package com.zorahai.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server started from the binaries shipped on Maven Central, one per data directory and JVM. (When
 * the JVM runs as root, the library runs the server in a user namespace, since PostgreSQL refuses root.)
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentMap<String, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

    private final String key;
    private final EmbeddedPostgres postgres;
    private final Runnable shutdown = this::close;

    private EmbeddedPostgresServer(String key, EmbeddedPostgres postgres) {
        this.key = key;
        this.postgres = postgres;
        // stop the server only after every application context has closed: a JVM shutdown hook of its own would
        // race with them, and their last queries would then wait for a connection that never comes
        SpringApplication.getShutdownHandlers().add(shutdown);
    }

    /**
     * The server kept in {@code dataDirectory} (created when missing), or a throw-away server when it is
     * {@code null}; started once per JVM.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        String key = dataDirectory == null ? "" : dataDirectory.toAbsolutePath().normalize().toString();
        return SERVERS.computeIfAbsent(key, k -> launch(k, dataDirectory));
    }

    /** Stops the server; the next {@link #start} for its directory starts it again on the data it left. */
    void stop() {
        SpringApplication.getShutdownHandlers().remove(shutdown);
        close();
    }

    private void close() {
        SERVERS.remove(key, this);
        try {
            postgres.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", ex);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates {@code database} when it does not exist yet. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("invalid database name");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not create database " + database, ex);
        }
    }

    private static EmbeddedPostgresServer launch(String key, Path dataDirectory) {
        long started = System.nanoTime();
        try {
            Path data = dataDirectory != null
                    ? dataDirectory.toAbsolutePath()
                    : Files.createTempDirectory("zorah-pg");
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(dataDirectory == null)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on")
                    .start();
            log.info("Embedded PostgreSQL ready on port {} in {} ms (data in {})", postgres.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    dataDirectory == null ? "a temporary directory" : data);
            return new EmbeddedPostgresServer(key, postgres);
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
        }
    }
}
