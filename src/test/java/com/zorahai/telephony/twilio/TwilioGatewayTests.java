package com.zorahai.telephony.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Twilio gateway through the real SDK, its HTTP client pointed at a WireMock Twilio.
 */
class TwilioGatewayTests {

    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    private final TwilioAccount account = new TwilioAccount(TwilioFake.ACCOUNT, TwilioFake.TOKEN);
    private TwilioGateway gateway;

    @BeforeAll
    static void start() {
        TWILIO.start();
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @BeforeEach
    void reset() {
        TWILIO.resetAll();
        gateway = new TwilioGateway(new BaseUrlHttpClient("http://localhost:" + TWILIO.port(), Duration.ofSeconds(5)));
    }

    @Test
    void searchSendsTheFiltersWithBasicAuthAndReadsTheNumbers() {
        TWILIO.stubFor(get(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.available("Local", "+14155550142", "+14155550143"))));

        List<AvailableNumber> numbers = gateway.search(account, new NumberSearch("US", NumberType.LOCAL, 415, "555",
                true, 1));

        assertThat(numbers).singleElement().satisfies(n -> {
            assertThat(n.phoneNumber()).isEqualTo("+14155550142");
            assertThat(n.friendlyName()).isEqualTo("(415) 555-0142");
            assertThat(n.locality()).isEqualTo("San Francisco");
            assertThat(n.addressRequirements()).isEqualTo("none");
            assertThat(n.voice()).isTrue();
            assertThat(n.sms()).isTrue();
        });
        String basic = "Basic " + Base64.getEncoder().encodeToString((TwilioFake.ACCOUNT + ":" + TwilioFake.TOKEN)
                .getBytes(StandardCharsets.US_ASCII));
        TWILIO.verify(getRequestedFor(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/Local.json"))
                .withQueryParam("AreaCode", equalTo("415"))
                .withQueryParam("Contains", equalTo("555"))
                .withQueryParam("VoiceEnabled", equalTo("true"))
                .withQueryParam("PageSize", equalTo("1"))
                .withHeader("Authorization", equalTo(basic)));
    }

    @Test
    void mobileAndTollFreeSearchTheirOwnLists() {
        TWILIO.stubFor(get(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/GB/Mobile.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.available("Mobile", "+447911123456"))));
        TWILIO.stubFor(get(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/TollFree.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.available("TollFree", "+18005550100"))));

        assertThat(gateway.search(account, new NumberSearch("GB", NumberType.MOBILE, null, null, false, 5)))
                .extracting(AvailableNumber::phoneNumber).containsExactly("+447911123456");
        assertThat(gateway.search(account, new NumberSearch("US", NumberType.TOLL_FREE, null, "*800*", true, 5)))
                .extracting(AvailableNumber::phoneNumber).containsExactly("+18005550100");
        TWILIO.verify(getRequestedFor(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/TollFree.json"))
                .withQueryParam("Contains", equalTo("*800*")));
    }

    @Test
    void purchaseSendsTheAddressAndBundleItNeeds() {
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.incomingNumber("PN" + "1".repeat(32), "+442071838750"))));

        PurchasedNumber bought = gateway.purchase(account, new NumberPurchase("+442071838750", "Front desk",
                "AD" + "2".repeat(32), "BU" + "3".repeat(32)));

        assertThat(bought.sid()).isEqualTo("PN" + "1".repeat(32));
        assertThat(bought.phoneNumber()).isEqualTo("+442071838750");
        assertThat(bought.accountSid()).isEqualTo(TwilioFake.ACCOUNT);
        TWILIO.verify(postRequestedFor(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("PhoneNumber", equalTo("+442071838750"))
                .withFormParam("AddressSid", equalTo("AD" + "2".repeat(32)))
                .withFormParam("BundleSid", equalTo("BU" + "3".repeat(32)))
                .withFormParam("FriendlyName", equalTo("Front desk")));
    }

    @Test
    void aNumberThatNeedsAnAddressFailsWithTwiliosCode() {
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers.json"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.error(21631, "Phone Number Requires an Address", 400))));

        assertThatThrownBy(() -> gateway.purchase(account, new NumberPurchase("+442071838750", null, null, null)))
                .isInstanceOfSatisfying(TwilioFailure.class, f -> {
                    assertThat(f.code()).isEqualTo(21631);
                    assertThat(f.status()).isEqualTo(400);
                    assertThat(f.getMessage()).doesNotContain(TwilioFake.TOKEN);
                });
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        TWILIO.stubFor(get(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.error(20500, "Internal Server Error", 503))));

        assertThatThrownBy(() -> gateway.search(account, new NumberSearch("US", NumberType.LOCAL, null, null, true,
                5))).isInstanceOfSatisfying(TwilioFailure.class, f -> assertThat(f.status()).isEqualTo(503));
        TWILIO.verify(3, getRequestedFor(urlPathEqualTo(TwilioFake.API + "/AvailablePhoneNumbers/US/Local.json")));
    }

    @Test
    void anUnreachableTwilioIsAFailureWithoutCode() {
        TwilioGateway nowhere = new TwilioGateway(new BaseUrlHttpClient("http://localhost:1", Duration.ofSeconds(1)));
        assertThatThrownBy(() -> nowhere.search(account, new NumberSearch("US", NumberType.LOCAL, null, null, true,
                5))).isInstanceOfSatisfying(TwilioFailure.class, f -> assertThat(f.code()).isNull());
    }

    @Test
    void releaseDeletesTheNumberAndANumberAlreadyGoneIsFine() {
        String sid = "PN" + "4".repeat(32);
        TWILIO.stubFor(delete(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers/" + sid + ".json"))
                .willReturn(aResponse().withStatus(204)));
        gateway.release(account, sid);
        TWILIO.verify(deleteRequestedFor(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers/" + sid + ".json")));

        String gone = "PN" + "5".repeat(32);
        TWILIO.stubFor(delete(urlEqualTo(TwilioFake.API + "/IncomingPhoneNumbers/" + gone + ".json"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.error(20404, "The requested resource was not found", 404))));
        gateway.release(account, gone);
    }

    @Test
    void addressesAreCreatedWithAutoCorrectionAndFetchedForTheirValidation() {
        String sid = "AD" + "6".repeat(32);
        TWILIO.stubFor(post(urlEqualTo(TwilioFake.API + "/Addresses.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.address(sid, false, false))));
        TWILIO.stubFor(get(urlEqualTo(TwilioFake.API + "/Addresses/" + sid + ".json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TwilioFake.address(sid, true, true))));

        RegisteredAddress created = gateway.createAddress(account, new AddressDraft("Acme Travel Ltd",
                "1 King Street", "Floor 2", "London", "London", "EC1A 1BB", "GB", "Head office", false));
        RegisteredAddress fetched = gateway.fetchAddress(account, sid);

        assertThat(created.sid()).isEqualTo(sid);
        assertThat(created.validated()).isFalse();
        assertThat(fetched.validated()).isTrue();
        assertThat(fetched.verified()).isTrue();
        TWILIO.verify(postRequestedFor(urlEqualTo(TwilioFake.API + "/Addresses.json"))
                .withFormParam("CustomerName", equalTo("Acme Travel Ltd"))
                .withFormParam("Street", equalTo("1 King Street"))
                .withFormParam("StreetSecondary", equalTo("Floor 2"))
                .withFormParam("City", equalTo("London"))
                .withFormParam("Region", equalTo("London"))
                .withFormParam("PostalCode", equalTo("EC1A 1BB"))
                .withFormParam("IsoCountry", equalTo("GB"))
                .withFormParam("AutoCorrectAddress", equalTo("true")));
    }
}
