package com.zorahai.telephony.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.TenantIsolation;
import com.zorahai.identity.Role;
import com.zorahai.telephony.TelephonyProviderTest;
import com.zorahai.telephony.TelephonyTenants;
import com.zorahai.telephony.twilio.TwilioFake;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Provisioning through the API, each provider call played by WireMock: search, purchase with import into VAPI,
 * assistants, release, addresses, Twilio's errors.
 */
class ProvisioningApiTests extends TelephonyProviderTest {

    @Test
    void searchAnswersTwiliosNumbersForOwnersAndAdminsOnly() {
        String tenant = TelephonyTenants.create(jdbc, "America/Los_Angeles");
        TWILIO.stubFor(get(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.available("Local", "+14155550142"))));

        MvcTestResult result = mvc.get().uri("/api/v1/telephony/available-numbers?country=us&area_code=415&contains=55")
                .header("Authorization", tokens.bearer(tenant, Role.ADMIN)).exchange();

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.items[0].phone_number")
                .isEqualTo("+14155550142");
        assertThat(result).bodyJson().extractingPath("$.items[0].address_requirements").isEqualTo("none");
        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=US")
                .header("Authorization", tokens.bearer(tenant, Role.CONSULTANT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=USA")
                .header("Authorization", tokens.bearer(tenant, Role.OWNER))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("country");
        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=US&type=landline")
                .header("Authorization", tokens.bearer(tenant, Role.OWNER))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
    }

    @Test
    void aPurchasedNumberIsImportedIntoVapiPointingAtTheTenantsWebhookWithItsSecret() {
        String tenant = TelephonyTenants.create(jdbc, "Europe/London");
        String number = uniqueNumber();
        String vapiId = "pn-" + UUID.randomUUID();
        stubPurchase(number, "PN" + hex());
        stubImport(number, vapiId, 201);
        String admin = tokens.bearer(tenant, Role.ADMIN);

        MvcTestResult result = mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + number + "\",\"friendly_name\":\"Front desk\",\"type\":\"local\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("active");
        assertThat(result).bodyJson().extractingPath("$.vapi_phone_number_id").isEqualTo(vapiId);
        assertThat(result).bodyJson().extractingPath("$.country").isEqualTo("US");
        assertThat(result.getResponse().getHeader("Location")).contains("/api/v1/telephony/numbers/");
        VAPI.verify(postRequestedFor(urlEqualTo("/phone-number"))
                .withHeader("Authorization", equalTo("Bearer vapi-test-key"))
                .withRequestBody(matchingJsonPath("$.number", equalTo(number)))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("twilio")))
                .withRequestBody(matchingJsonPath("$.twilioAccountSid", equalTo(TwilioFake.ACCOUNT)))
                .withRequestBody(matchingJsonPath("$.twilioAuthToken", equalTo(TwilioFake.TOKEN)))
                .withRequestBody(matchingJsonPath("$.server.url",
                        equalTo(BASE_URL + "/webhooks/vapi/" + tenant)))
                .withRequestBody(matchingJsonPath("$.server.headers['X-Vapi-Secret']",
                        equalTo(TelephonyTenants.secretOf(tenant)))));
        assertThat(result.getResponse().getContentAsByteArray().length).isPositive();
        String body = new String(result.getResponse().getContentAsByteArray());
        assertThat(body).doesNotContain(TwilioFake.TOKEN).doesNotContain(TelephonyTenants.secretOf(tenant));
    }

    @Test
    void aNumberThatNeedsAnAddressIs422AndNothingIsStored() {
        String tenant = TelephonyTenants.create(jdbc, "Europe/London");
        String number = "+44207183" + (1000 + (int) (Math.random() * 8999));
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .withRequestBody(containing("PhoneNumber=" + number.replace("+", "%2B")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.error(21631, "Phone Number Requires an Address", 400))));

        MvcTestResult result = mvc.post().uri("/api/v1/telephony/numbers")
                .header("Authorization", tokens.bearer(tenant, Role.OWNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + number + "\"}").exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/address-required");
        assertThat(result).bodyJson().extractingPath("$.twilio_code").isEqualTo(21631);
        assertThat(jdbc.sql("select count(*) from phone_numbers where tenant_id = ?").param(tenant)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRegulatedNumberWithoutBundleIs422() {
        String tenant = TelephonyTenants.create(jdbc, "Europe/London");
        String number = "+44207183" + (1000 + (int) (Math.random() * 8999));
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .withRequestBody(containing("PhoneNumber=" + number.replace("+", "%2B")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.error(21649, "Phone Number Requires a Bundle", 400))));

        assertThat(mvc.post().uri("/api/v1/telephony/numbers")
                .header("Authorization", tokens.bearer(tenant, Role.OWNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + number + "\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/regulatory-bundle-required");
    }

    @Test
    void anAddressIsRegisteredListedValidatedAndUsedForAPurchase() {
        String tenant = TelephonyTenants.create(jdbc, "Europe/London");
        String admin = tokens.bearer(tenant, Role.ADMIN);
        String addressSid = "AD" + hex();
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/Addresses.json"))
                .withRequestBody(containing("CustomerName=" + tenant))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.address(addressSid, false, false))));
        TWILIO.stubFor(get(urlEqualTo(TwilioFake.API + "/Addresses/" + addressSid + ".json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.address(addressSid, true, false))));

        MvcTestResult created = mvc.post().uri("/api/v1/telephony/addresses").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customer_name":"%s","street":"1 King Street","street_secondary":"Floor 2",
                         "city":"London","region":"London","postal_code":"EC1A 1BB","iso_country":"gb"}"""
                        .formatted(tenant))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.twilio_sid")
                .isEqualTo(addressSid);
        assertThat(created).bodyJson().extractingPath("$.validated").isEqualTo(false);
        String id = id(created);

        assertThat(mvc.get().uri("/api/v1/telephony/addresses").header("Authorization", admin)).hasStatusOk()
                .bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(mvc.post().uri("/api/v1/telephony/addresses/{id}/validate", id).header("Authorization", admin))
                .hasStatusOk().bodyJson().extractingPath("$.validated").isEqualTo(true);
        assertThat(mvc.post().uri("/api/v1/telephony/addresses").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"customer_name\":\"x\",\"city\":\"London\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("street");

        String number = uniqueNumber();
        stubPurchase(number, "PN" + hex());
        stubImport(number, "pn-" + UUID.randomUUID(), 201);
        assertThat(mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + number + "\",\"address_id\":\"" + id + "\"}"))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.address_id").isEqualTo(id);
        TWILIO.verify(postRequestedFor(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .withFormParam("PhoneNumber", equalTo(number)).withFormParam("AddressSid", equalTo(addressSid)));

        TenantIsolation.of(mvc, tokens).record("/api/v1/telephony/addresses/{id}", id).ownedBy(tenant)
                .withoutUpdate().withoutDelete().assertInvisibleTo(TelephonyTenants.create(jdbc, "UTC"));
    }

    @Test
    void aNumberVapiRefusedIsKeptAndImportedWhenItsAssistantIsSet() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String admin = tokens.bearer(tenant, Role.ADMIN);
        String number = uniqueNumber();
        stubPurchase(number, "PN" + hex());
        stubImport(number, null, 503);

        MvcTestResult bought = mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"phone_number\":\"" + number + "\"}").exchange();
        assertThat(bought).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status")
                .isEqualTo("import_failed");
        String id = id(bought);

        String vapiId = "pn-" + UUID.randomUUID();
        stubImport(number, vapiId, 201);
        MvcTestResult changed = mvc.patch().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"assistant\":\"inbound\"}").exchange();

        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("active");
        assertThat(changed).bodyJson().extractingPath("$.assistant").isEqualTo("inbound");
        assertThat(changed).bodyJson().extractingPath("$.assistant_id").isEqualTo("asst-inbound-" + tenant);
        VAPI.verify(postRequestedFor(urlEqualTo("/phone-number"))
                .withRequestBody(matchingJsonPath("$.number", equalTo(number)))
                .withRequestBody(matchingJsonPath("$.assistantId", equalTo("asst-inbound-" + tenant))));
    }

    @Test
    void numbersAreListedWithTheirAssistantChangedAndReleased() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String admin = tokens.bearer(tenant, Role.ADMIN);
        String number = uniqueNumber();
        String sid = "PN" + hex();
        String vapiId = "pn-" + UUID.randomUUID();
        stubPurchase(number, sid);
        stubImport(number, vapiId, 201);
        String id = id(mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone_number\":\"" + number + "\",\"assistant\":\"inbound\"}").exchange());

        VAPI.stubFor(patch(urlEqualTo("/phone-number/" + vapiId)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + vapiId + "\",\"assistantId\":\"asst-after-" + tenant + "\"}")));
        assertThat(mvc.patch().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"assistant\":\"after_hours\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.assistant").isEqualTo("after_hours");
        VAPI.verify(patchRequestedFor(urlEqualTo("/phone-number/" + vapiId))
                .withRequestBody(equalToJson("{\"assistantId\":\"asst-after-" + tenant + "\"}")));
        assertThat(mvc.patch().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"assistant\":\"nope\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("assistant");
        assertThat(mvc.patch().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.BAD_REQUEST);

        VAPI.stubFor(get(urlPathEqualTo("/phone-number")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":\"" + vapiId + "\",\"number\":\"" + number + "\",\"assistantId\":\"asst-live\","
                        + "\"status\":\"active\"}]")));
        MvcTestResult list = mvc.get().uri("/api/v1/telephony/numbers").header("Authorization", admin).exchange();
        assertThat(list).hasStatusOk().bodyJson().extractingPath("$.items[0].assistant_id").isEqualTo("asst-live");
        assertThat(list).bodyJson().extractingPath("$.items[0].vapi_synced").isEqualTo(true);
        assertThat(list).bodyJson().extractingPath("$.total").isEqualTo(1);

        TenantIsolation.of(mvc, tokens).record("/api/v1/telephony/numbers/{id}", id).ownedBy(tenant)
                .update(HttpMethod.PATCH, "{\"assistant\":null}")
                .assertInvisibleTo(TelephonyTenants.create(jdbc, "UTC"));

        VAPI.stubFor(delete(urlEqualTo("/phone-number/" + vapiId)).willReturn(aResponse().withStatus(200)));
        TWILIO.stubFor(delete(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers/" + sid + ".json"))
                .willReturn(aResponse().withStatus(204)));
        assertThat(mvc.delete().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin))
                .hasStatus(HttpStatus.NO_CONTENT);
        VAPI.verify(deleteRequestedFor(urlEqualTo("/phone-number/" + vapiId)));
        TWILIO.verify(deleteRequestedFor(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers/" + sid + ".json")));
        assertThat(mvc.get().uri("/api/v1/telephony/numbers/{id}", id).header("Authorization", admin))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTenantWithoutWebhookSecretCannotBuyANumberItCouldNotAnswer() {
        String tenant = TelephonyTenants.newId();
        TelephonyTenants.create(jdbc, tenant, "UTC", java.util.Map.of("inbound", "asst-1"), null);
        assertThat(mvc.post().uri("/api/v1/telephony/numbers").header("Authorization", tokens.bearer(tenant,
                Role.OWNER)).contentType(MediaType.APPLICATION_JSON).content("{\"phone_number\":\"" + uniqueNumber()
                        + "\"}"))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/telephony-webhook-secret-missing");
    }

    @Test
    void aTenantsOwnSubAccountIsUsedAndWithoutItsTokenProvisioningIs503() {
        String tenant = TelephonyTenants.create(jdbc, "UTC");
        String owner = tokens.bearer(tenant, Role.OWNER);
        String sub = "AC" + "f".repeat(32);
        assertThat(mvc.put().uri("/api/v1/telephony/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"twilio_account_sid\":\"" + sub
                        + "\",\"twilio_auth_token_env\":\"TWILIO_AUTH_TOKEN_SUBACCOUNT\"}"))
                .hasStatusOk()
                .bodyJson().extractingPath("$.twilio_configured").isEqualTo(true);
        TWILIO.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + sub + "/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.available("Local", "+14155550199"))));
        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=US").header("Authorization", owner))
                .hasStatusOk().bodyJson().extractingPath("$.items[0].phone_number").isEqualTo("+14155550199");
        TWILIO.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/2010-04-01/Accounts/" + sub + "/AvailablePhoneNumbers/US/Local.json"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString((sub + ":sub-account-token").getBytes()))));

        assertThat(mvc.put().uri("/api/v1/telephony/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"twilio_account_sid\":\"" + sub
                        + "\",\"twilio_auth_token_env\":\"TWILIO_AUTH_TOKEN_MISSING\"}"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/telephony/available-numbers?country=US").header("Authorization", owner))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zorahai.com/problems/telephony-not-configured");
        assertThat(mvc.put().uri("/api/v1/telephony/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).content("{\"twilio_account_sid\":\"" + sub
                        + "\",\"twilio_auth_token_env\":\"ZORAH_JWT_SECRET\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("twilio_auth_token_env");
    }

    private static void stubPurchase(String number, String sid) {
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .withRequestBody(containing("PhoneNumber=" + number.replace("+", "%2B")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.incomingNumber(sid, number))));
    }

    private static void stubImport(String number, String vapiId, int status) {
        VAPI.stubFor(post(urlEqualTo("/phone-number"))
                .withRequestBody(matchingJsonPath("$.number", equalTo(number)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(status >= 300
                                ? "{\"error\":\"unavailable\"}"
                                : "{\"id\":\"" + vapiId + "\",\"number\":\"" + number + "\",\"status\":\"active\","
                                        + "\"provider\":\"twilio\"}")));
    }

    static String uniqueNumber() {
        return "+1415" + (2000000 + (int) (Math.random() * 7999999));
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String id(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
