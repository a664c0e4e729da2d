package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClientsDirectoryTests {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(ClientsDirectory.class);

    private void write(String tenant, String yaml) throws IOException {
        Files.createDirectories(dir.resolve(tenant));
        Files.writeString(dir.resolve(tenant).resolve("client.yaml"), yaml);
    }

    @Test
    void variablesComeFromTheSpringEnvironment() throws IOException {
        write("acme", "name: ${ACME_NAME}\ncurrency: ${ACME_CURRENCY:-GBP}\n");
        runner.withPropertyValues("zorah.clients-dir=" + dir, "ACME_NAME=Acme Ltd").run(context -> {
            ClientsDirectory files = context.getBean(ClientsDirectory.class);
            assertThat(files.find(TenantId.of("acme"))).hasValueSatisfying(file -> {
                assertThat(file.tenant().name()).isEqualTo("Acme Ltd");
                assertThat(file.tenant().currency().getCurrencyCode()).isEqualTo("GBP");
            });
            assertThat(files.all()).hasSize(1);
        });
    }

    @Test
    void anInvalidFileStopsStartupNamingFileAndField() throws IOException {
        write("acme", "name: ${ACME_NAME}\n");
        write("beta", "name: Beta\ncurrency: ZZZ\n");
        runner.withPropertyValues("zorah.clients-dir=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(TenantConfigException.class)
                    .hasMessageContaining(dir.resolve("acme/client.yaml") + ": name: missing required variable "
                            + "ACME_NAME")
                    .hasMessageContaining(dir.resolve("beta/client.yaml") + ": currency: 'ZZZ' is not an ISO 4217 "
                            + "code");
        });
    }

    @Test
    void aMissingDirectoryLeavesOnlyDatabaseTenants() {
        runner.withPropertyValues("zorah.clients-dir=" + dir.resolve("absent")).run(context -> assertThat(
                context.getBean(ClientsDirectory.class).all()).isEmpty());
    }
}
