package com.zorahai.telephony.twilio;

import com.zorahai.telephony.internal.TelephonyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Twilio gateway. It is always there: whether a tenant may use it depends on the credentials found for
 * that tenant at the time of the call.
 */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    @Bean
    TwilioGateway twilioGateway(TelephonyProperties properties) {
        return new TwilioGateway(new BaseUrlHttpClient(properties.twilio().apiBaseUrl(),
                properties.twilio().timeout()));
    }
}
