package com.zorahai.telephony.vapi;

import com.zorahai.telephony.internal.TelephonyProperties;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Wires the VAPI client from {@code zorah.telephony.vapi.*}. Without {@code VAPI_API_KEY} the client still exists,
 * but nothing calls it: provisioning answers 503 and the call queue waits.
 */
@Configuration(proxyBeanMethods = false)
class VapiConfiguration {

    @Bean
    VapiClient vapiClient(TelephonyProperties properties) {
        TelephonyProperties.Vapi vapi = properties.vapi();
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(vapi.timeout());
        if (vapi.baseUrl().startsWith("http:")) {
            // no TLS (a local proxy or fake): plain HTTP/1.1 rather than an h2c upgrade, which some servers break
            client.version(HttpClient.Version.HTTP_1_1);
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client.build());
        requests.setReadTimeout(vapi.timeout());
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(vapi.baseUrl().replaceAll("/+$", ""))
                .requestFactory(requests);
        if (vapi.configured()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + vapi.apiKey());
        }
        return new VapiClient(builder.build());
    }
}
