package com.zorahai.telephony;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.telephony.twilio.TwilioFake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The application with Twilio and VAPI credentials, both played by WireMock. Every telephony test that needs the
 * providers extends it, so they share one context.
 */
@IntegrationTest
public abstract class TelephonyProviderTest {

    public static final String BASE_URL = "https://zorah.example";
    protected static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    protected static final WireMockServer VAPI = new WireMockServer(options().dynamicPort());

    static {
        TWILIO.start();
        VAPI.start();
    }

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("zorah.telephony.base-url", () -> BASE_URL);
        registry.add("zorah.telephony.twilio.account-sid", () -> TwilioFake.ACCOUNT);
        registry.add("zorah.telephony.twilio.auth-token", () -> TwilioFake.TOKEN);
        registry.add("zorah.telephony.twilio.api-base-url", () -> "http://localhost:" + TWILIO.port());
        registry.add("zorah.telephony.twilio.timeout", () -> "5s");
        registry.add("zorah.telephony.vapi.api-key", () -> "vapi-test-key");
        registry.add("zorah.telephony.vapi.base-url", () -> "http://localhost:" + VAPI.port());
        registry.add("zorah.telephony.vapi.timeout", () -> "5s");
        registry.add("TWILIO_AUTH_TOKEN_SUBACCOUNT", () -> "sub-account-token");
    }
}
