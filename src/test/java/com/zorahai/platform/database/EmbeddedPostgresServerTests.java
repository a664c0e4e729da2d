package com.zorahai.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path data;

    @Test
    void secondStartOnTheSameDirectoryKeepsTheData() throws SQLException {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data);
        assertThat(EmbeddedPostgresServer.start(data)).isSameAs(first);
        first.ensureDatabase("reuse_check");
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl("reuse_check"));
                Statement sql = connection.createStatement()) {
            sql.execute("create table note (text varchar(40))");
            sql.execute("insert into note values ('kept across restarts')");
        }
        first.stop();
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data);
        try {
            assertThat(second).isNotSameAs(first);
            second.ensureDatabase("reuse_check");
            try (Connection connection = DriverManager.getConnection(second.jdbcUrl("reuse_check"));
                    Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept across restarts");
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void databaseNamesAreChecked() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
        try {
            assertThatIllegalArgumentException().isThrownBy(() -> server.ensureDatabase("x; drop table y"));
        } finally {
            server.stop();
        }
    }

    @Test
    void temporaryMeansNoDirectory() {
        assertThat(new EmbeddedDatabaseProperties("temporary", "zorah", false).dataDirectory()).isNull();
        assertThat(new EmbeddedDatabaseProperties(" ", "zorah", false).dataDirectory()).isNull();
        assertThat(new EmbeddedDatabaseProperties("./var/postgres", "zorah", false).dataDirectory()).isEqualTo(Path
                .of("./var/postgres"));
    }
}
