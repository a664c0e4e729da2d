package com.zorahai.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseUrlEnvironmentPostProcessorTests {

    @Test
    void postgresSchemeBecomesJdbcUrlWithCredentials() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties(
                "postgres://zorah:secret@db.example.com:5433/zorah")).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spring.datasource.url", "jdbc:postgresql://db.example.com:5433/zorah",
                        "spring.datasource.username", "zorah", "spring.datasource.password", "secret"));
    }

    @Test
    void postgresqlSchemeIsAcceptedToo() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties(
                "postgresql://postgres.abcd:pw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres")).containsEntry(
                        "spring.datasource.url",
                        "jdbc:postgresql://aws-0-eu-west-1.pooler.supabase.com:6543/postgres")
                .containsEntry("spring.datasource.username", "postgres.abcd");
    }

    @Test
    void encodedPasswordIsDecoded() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties(
                "postgres://app:p%40ss%3Aw%2Frd%25@db:5432/app")).containsEntry("spring.datasource.password",
                        "p@ss:w/rd%");
    }

    @Test
    void queryParametersArePreserved() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties(
                "postgres://app:pw@db:5432/app?sslmode=require&application_name=zorah")).containsEntry(
                        "spring.datasource.url",
                        "jdbc:postgresql://db:5432/app?sslmode=require&application_name=zorah");
    }

    @Test
    void portAndDatabaseMayBeLeftOut() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("postgres://app:pw@db")).containsEntry(
                "spring.datasource.url", "jdbc:postgresql://db/postgres");
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("postgres://app:pw@db/app"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/app");
    }

    @Test
    void userWithoutPasswordHasNoPassword() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("postgres://app@db/app"))
                .containsEntry("spring.datasource.username", "app")
                .doesNotContainKey("spring.datasource.password");
    }

    @Test
    void badUrlsAreRejectedWithAMessageThatKeepsTheSecret() {
        assertThatIllegalStateException().isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor
                .toDataSourceProperties("mysql://app:topsecret@db/app"))
                .withMessage("DATABASE_URL must start with postgres:// or postgresql://");
        assertThatIllegalStateException().isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor
                .toDataSourceProperties("postgres://app:top secret@db/app"))
                .withMessage("DATABASE_URL is not a valid URL");
        assertThatIllegalStateException().isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor
                .toDataSourceProperties("postgres:///app"))
                .withMessage("DATABASE_URL has no host");
    }

    @Test
    void environmentGetsDataSourceUnlessAnUrlIsSetExplicitly() {
        assertThat(process(Map.of("DATABASE_URL", "postgres://u:p@db/app")).getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db/app");
        assertThat(process(Map.of("DATABASE_URL", "postgres://u:p@db/app", "spring.datasource.url",
                "jdbc:postgresql://other/x")).getProperty("spring.datasource.url")).isEqualTo(
                        "jdbc:postgresql://other/x");
        assertThat(process(Map.of("DATABASE_URL", " ")).getProperty("spring.datasource.url")).isNull();
    }

    private static StandardEnvironment process(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
