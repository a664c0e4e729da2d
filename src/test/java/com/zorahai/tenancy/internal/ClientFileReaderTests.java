package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.Tenant.Feature;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.internal.ClientFileReader.ClientFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFileReaderTests {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private List<ClientFile> read() {
        return new ClientFileReader(env::get).read(dir);
    }

    private void write(String tenant, String yaml) throws IOException {
        Files.createDirectories(dir.resolve(tenant));
        Files.writeString(dir.resolve(tenant).resolve("client.yaml"), yaml);
    }

    private String file(String tenant) {
        return dir.resolve(tenant).resolve("client.yaml").toString();
    }

    @Test
    void readsAFullFileWithVariablesExpanded() throws IOException {
        env.put("SENDGRID_KEY", "SG.secret");
        env.put("PHONE_ID", "1234567890");
        write("acme", """
                name: Acme Travel
                currency: EUR
                timezone: Europe/Paris
                locale: fr_FR
                features: [crm, quotes, email-intake]
                email:
                  sendgrid_api_key: ${SENDGRID_KEY}
                  from_address: ${FROM:-quotes@acme.example}
                  from_name: Acme
                  inbound_address: Acme@Inbound.Example
                  inbound_domain: Mail.Acme.Example
                banking:
                  account_number: 0012345
                  iban: DE89 3704 0044 0532 0130 00
                  swift: deutdeff
                voice:
                  assistant_ids:
                    inbound: asst-1
                    outbound: ${NOT_SET:-}
                whatsapp:
                  provider: META
                  phone_number_id: ${PHONE_ID}
                  credentials:
                    api_token: ${TOKEN:-}
                booking:
                  api_base_url: https://booking.example/api
                trainer_whatsapp_number: +27 82 123 4567
                branding:
                  primary_color: "#AABBCC"
                """);
        List<ClientFile> files = read();
        assertThat(files).hasSize(1);
        Tenant tenant = files.get(0).tenant();
        assertThat(tenant.id()).isEqualTo(TenantId.of("acme"));
        assertThat(tenant.name()).isEqualTo("Acme Travel");
        assertThat(tenant.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(tenant.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(tenant.locale()).isEqualTo(Locale.forLanguageTag("fr-FR"));
        assertThat(tenant.features()).containsExactlyInAnyOrder(Feature.CRM, Feature.QUOTES, Feature.EMAIL_INTAKE);
        assertThat(tenant.email().sendgridApiKey()).isEqualTo("SG.secret");
        assertThat(tenant.email().fromAddress()).isEqualTo("quotes@acme.example");
        assertThat(tenant.email().inboundDomain()).isEqualTo("mail.acme.example");
        // scalars stay as written: no octal or number guessing
        assertThat(tenant.banking().accountNumber()).isEqualTo("0012345");
        assertThat(tenant.banking().iban()).isEqualTo("DE89370400440532013000");
        assertThat(tenant.banking().swift()).isEqualTo("DEUTDEFF");
        assertThat(tenant.voice().assistantIds()).containsExactly(Map.entry("inbound", "asst-1"));
        assertThat(tenant.whatsapp().provider()).isEqualTo("meta");
        assertThat(tenant.whatsapp().phoneNumberId()).isEqualTo("1234567890");
        assertThat(tenant.whatsapp().credentials()).isEmpty();
        assertThat(tenant.booking().provider()).isEqualTo("api");
        assertThat(tenant.trainerWhatsappNumber()).isEqualTo("+27821234567");
        assertThat(tenant.branding().primaryColor()).isEqualTo("#aabbcc");
        assertThat(tenant.ai().model()).isEqualTo("gpt-4o-mini");
        assertThat(tenant.source()).isEqualTo(Tenant.Source.FILE);
    }

    @Test
    void appliesDefaultsToAMinimalFile() throws IOException {
        write("tiny", "name: Tiny\n");
        Tenant tenant = read().get(0).tenant();
        assertThat(tenant.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(tenant.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(tenant.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(tenant.features()).isEmpty();
        assertThat(tenant.whatsapp().provider()).isEqualTo("sandbox");
        assertThat(tenant.booking().provider()).isEqualTo("builtin");
        assertThat(tenant.email().fromAddress()).isNull();
    }

    @Test
    void missingRequiredVariableNamesFileAndField() throws IOException {
        write("acme", """
                name: Acme
                email:
                  from_address: ${SENDGRID_FROM}
                """);
        assertThatThrownBy(this::read).isInstanceOf(TenantConfigException.class)
                .hasMessageContaining(file("acme") + ": email.from_address: missing required variable SENDGRID_FROM");
    }

    @Test
    void invalidFieldsAreAllReportedWithFileAndField() throws IOException {
        write("acme", """
                name: Acme
                currency: ZZZ
                timezone: Mars/Olympus
                locale: xx-??
                features: [crm, teleport]
                branding:
                  primary_color: red
                whatsapp:
                  provider: pigeon
                colour: blue
                """);
        assertThatThrownBy(this::read).isInstanceOfSatisfying(TenantConfigException.class,
                ex -> assertThat(ex.problems()).containsExactlyInAnyOrder(
                        file("acme") + ": currency: 'ZZZ' is not an ISO 4217 code",
                        file("acme") + ": timezone: 'Mars/Olympus' is not a time zone id such as "
                                + "Africa/Johannesburg",
                        file("acme") + ": locale: 'xx-??' is not a language tag such as en or en-ZA",
                        file("acme") + ": features[1]: 'teleport' is not a feature (one of crm, quotes, "
                                + "invoices, email_intake, helpdesk, voice, whatsapp, booking, analytics)",
                        file("acme") + ": branding.primary_color: must be a colour like #1a2b3c",
                        file("acme") + ": whatsapp.provider: must be one of dialog360, meta, montymobile, qiscus, "
                                + "sandbox",
                        file("acme") + ": colour: is not a known field"));
    }

    @Test
    void nameIsRequired() throws IOException {
        write("acme", "currency: EUR\n");
        assertThatThrownBy(this::read).hasMessageContaining(file("acme") + ": name: is required");
    }

    @Test
    void otherFieldChecks() throws IOException {
        write("acme", """
                name: Acme
                email:
                  from_address: not-an-address
                  inbound_domain: "-bad-"
                banking:
                  iban: DE00370400440532013000
                  swift: X
                gcp:
                  project_id: A
                  dataset: bad-name
                ai:
                  model: "gpt 4"
                booking:
                  provider: api
                  api_base_url: ftp://x
                trainer_whatsapp_number: call me
                voice: [a]
                """);
        assertThatThrownBy(this::read).isInstanceOfSatisfying(TenantConfigException.class,
                ex -> assertThat(ex.problems()).extracting(p -> p.substring(file("acme").length() + 2,
                        p.indexOf(':', file("acme").length() + 2)))
                        .containsExactlyInAnyOrder("email.from_address", "email.inbound_domain", "banking.iban",
                                "banking.swift", "gcp.project_id", "gcp.dataset", "ai.model",
                                "booking.api_base_url", "trainer_whatsapp_number", "voice"));
    }

    @Test
    void folderNameMustBeATenantId() throws IOException {
        write("Demo_Travel", "name: Demo\n");
        assertThatThrownBy(this::read).hasMessageContaining(dir.resolve("Demo_Travel")
                + ": folder name is not a valid tenant id");
    }

    @Test
    void foldersWithoutAFileAndMissingDirectoriesAreIgnored() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("README.md"), "# tenants");
        assertThat(read()).isEmpty();
        assertThat(new ClientFileReader(env::get).read(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void yamlErrorsNameTheFileAndLine() throws IOException {
        write("acme", "name: Acme\nname: Again\n");
        write("beta", "name: [unclosed\n");
        write("gamma", "- just\n- a list\n");
        assertThatThrownBy(this::read).isInstanceOfSatisfying(TenantConfigException.class,
                ex -> assertThat(ex.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith(file("acme") + ": not valid YAML at line"),
                        p -> assertThat(p).startsWith(file("beta") + ": not valid YAML at line"),
                        p -> assertThat(p).isEqualTo(file("gamma")
                                + ": must hold a map of fields (name, currency, ...)")));
    }

    @Test
    void twoTenantsCannotClaimTheSameInboundAddressOrNumber() throws IOException {
        write("alpha", """
                name: Alpha
                email: {inbound_address: in@x.example}
                whatsapp: {phone_number_id: "42"}
                """);
        write("beta", """
                name: Beta
                email: {inbound_address: IN@x.example}
                whatsapp: {phone_number_id: "42"}
                """);
        assertThatThrownBy(this::read).isInstanceOfSatisfying(TenantConfigException.class,
                ex -> assertThat(ex.problems()).containsExactly(
                        file("beta") + ": email.inbound_address: already used by " + file("alpha"),
                        file("beta") + ": whatsapp.phone_number_id: already used by " + file("alpha")));
    }

    @Test
    void shippedDemoTenantsLoadWithoutAnyEnvironment() {
        List<ClientFile> files = new ClientFileReader(name -> null).read(Path.of("clients"));
        assertThat(files).extracting(f -> f.id().value()).contains("demo-travel", "demo-clinic");
        Tenant clinic = files.stream().filter(f -> f.id().value().equals("demo-clinic")).findFirst().orElseThrow()
                .tenant();
        // the shipped clinic names meta; without its credentials the whatsapp module runs it on the sandbox
        assertThat(clinic.whatsapp().provider()).isEqualTo("meta");
        assertThat(clinic.whatsapp().credentials()).isEmpty();
        assertThat(clinic.booking().provider()).isEqualTo("builtin");
        assertThat(clinic.has(Feature.WHATSAPP)).isTrue();
    }

    @Test
    void shippedDemoClinicTakesItsSecretsFromTheEnvironment() {
        Map<String, String> vars = Map.of("WHATSAPP_PROVIDER", "meta", "WHATSAPP_API_TOKEN", "token",
                "WHATSAPP_PHONE_NUMBER_ID", "1098765", "LINASLASER_API_BASE_URL", "https://clinic.example/api",
                "TRAINER_WHATSAPP_NUMBER", "+96170000000");
        Tenant clinic = new ClientFileReader(vars::get).read(Path.of("clients"))
                .stream()
                .filter(f -> f.id().value().equals("demo-clinic"))
                .findFirst()
                .orElseThrow()
                .tenant();
        assertThat(clinic.whatsapp().provider()).isEqualTo("meta");
        assertThat(clinic.whatsapp().phoneNumberId()).isEqualTo("1098765");
        assertThat(clinic.whatsapp().credentials()).containsExactly(Map.entry("api_token", "token"));
        assertThat(clinic.booking().provider()).isEqualTo("api");
        assertThat(clinic.trainerWhatsappNumber()).isEqualTo("+96170000000");
    }
}
