package com.zorahai.telephony.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client with our timeouts, sending every request to {@code baseUrl} instead of
 * {@code https://<product>.twilio.com} when one is configured (a proxy, or a fake Twilio in tests). The SDK builds
 * its URLs from fixed host names, so the request is rebuilt with the new URL and everything else copied.
 */
class BaseUrlHttpClient extends NetworkHttpClient {

    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl, Duration timeout) {
        // the SDK retries server errors itself; Apache's own retries would multiply them
        super(HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(timeout))
                                .setSoKeepAlive(true).build())
                        .setMaxConnPerRoute(20)
                        .setMaxConnTotal(100)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(HttpClient.CONNECTION_TIMEOUT)
                        .setResponseTimeout(Timeout.of(timeout))
                        .build()));
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(baseUrl == null ? request : redirect(request));
    }

    Request redirect(Request request) {
        URI original = URI.create(request.getUrl());
        String path = original.getRawPath() == null ? "" : original.getRawPath();
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        Request copy = new Request(request.getMethod(), baseUrl + path + query);
        if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        }
        copyInto(request.getQueryParams(), copy::addQueryParam);
        copyInto(request.getPostParams(), copy::addPostParam);
        copyInto(request.getHeaderParams(), copy::addHeaderParam);
        copy.setContentType(request.getContentType());
        copy.setBody(request.getBody());
        copy.setFormParameters(request.getFormParameters());
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        return copy;
    }

    private static void copyInto(Map<String, List<String>> params, ParamSink sink) {
        params.forEach((name, values) -> values.forEach(value -> sink.add(name, value)));
    }

    @FunctionalInterface
    private interface ParamSink {
        void add(String name, String value);
    }
}
