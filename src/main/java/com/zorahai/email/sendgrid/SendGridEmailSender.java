package com.zorahai.email.sendgrid;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Attachments;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.zorahai.email.outbox.Delivery;
import com.zorahai.email.outbox.EmailSender;
import com.zorahai.email.outbox.OutboxAttachment;
import com.zorahai.email.outbox.SendOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through SendGrid v3 Mail Send with the tenant's key, else the master key; with neither, the email is held.
 * Calls {@code api(Request)} once per attempt: sendgrid-java's own {@code attempt()} would sleep and retry 429s
 * itself, but retries belong to the outbox, which spreads them out and survives restarts.
 * <p>
 * Answers map to outcomes: 2xx sent (with {@code X-Message-Id}); 429, 408, 5xx and network errors retryable (with the
 * delay SendGrid asks for); 400 and other 4xx rejected for good, keeping SendGrid's {@code errors} messages; 401/403
 * rejected as a bad key. The circuit breaker of the key in use ({@code sendgrid} for the master key,
 * {@code sendgrid-<tenant>} for a tenant's own) counts 5xx, network errors, 401 and 403 as failures, ignores 429, and
 * while open defers emails without using their attempts.
 */
public class SendGridEmailSender implements EmailSender, AutoCloseable {

    /** The breaker (and breaker configuration) of the master key. */
    public static final String BREAKER = "sendgrid";

    static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(60))
            .permittedNumberOfCallsInHalfOpenState(2)
            .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY_LIKE = Pattern.compile("SG\\.[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)?");
    private static final int MAX_ERROR = 480;

    private final SendGridProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final CloseableHttpClient http;
    private final Client client;
    private final Clock clock;

    SendGridEmailSender(SendGridProperties properties, CircuitBreakerRegistry breakers, Clock clock) {
        this.properties = properties;
        this.breakers = breakers;
        this.breakerConfig = breakers.getConfiguration(BREAKER).orElse(DEFAULT_BREAKER);
        this.clock = clock;
        int connect = (int) properties.connectTimeout().toMillis();
        int read = (int) properties.readTimeout().toMillis();
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(50)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.client = new Client(http, properties.plainHttp());
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        boolean ownKey = StringUtils.hasText(delivery.tenantApiKey());
        String key = ownKey ? delivery.tenantApiKey() : properties.masterApiKey();
        if (!StringUtils.hasText(key)) {
            return new SendOutcome.NotConfigured("email delivery is not configured");
        }
        Request request = request(delivery);
        CircuitBreaker breaker = breaker(ownKey ? BREAKER + "-" + delivery.tenantId().value() : BREAKER);
        if (!breaker.tryAcquirePermission()) {
            return new SendOutcome.Deferred("SendGrid is failing; sending paused (circuit breaker open)",
                    openWait(breaker));
        }
        long start = System.nanoTime();
        Response response;
        try {
            SendGrid sendGrid = new SendGrid(key, client);
            sendGrid.setHost(properties.hostAndPort());
            response = sendGrid.api(request);
        } catch (IOException | RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return new SendOutcome.Retryable(null, sanitize("SendGrid not reachable: " + describe(e), key), null);
        }
        return classify(response, breaker, System.nanoTime() - start, key);
    }

    private SendOutcome classify(Response response, CircuitBreaker breaker, long nanos, String key) {
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            return new SendOutcome.Sent(status, header(response.getHeaders(), "X-Message-Id"));
        }
        if (status == 429) {
            // throttling says nothing about SendGrid's health
            breaker.releasePermission();
            return new SendOutcome.Retryable(status, "SendGrid rate limit reached (429)", retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new SendGridFailure(status));
            return new SendOutcome.Retryable(status, sanitize("SendGrid answered " + status + errors(response),
                    key), retryAfter(response));
        }
        if (status == 401 || status == 403) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new SendGridFailure(status));
            return new SendOutcome.Rejected(status, "SendGrid rejected the API key (" + status + ")");
        }
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        return new SendOutcome.Rejected(status, sanitize("SendGrid rejected the email (" + status + ")"
                + errors(response), key));
    }

    Request request(Delivery delivery) {
        Mail mail = new Mail();
        mail.setFrom(new Email(delivery.fromAddress(), delivery.fromName()));
        mail.setSubject(delivery.subject());
        Personalization personalization = new Personalization();
        delivery.to().forEach(address -> personalization.addTo(new Email(address)));
        delivery.cc().forEach(address -> personalization.addCc(new Email(address)));
        mail.addPersonalization(personalization);
        if (StringUtils.hasText(delivery.replyTo())) {
            mail.setReplyTo(new Email(delivery.replyTo()));
        }
        // SendGrid wants text/plain before text/html
        if (delivery.text() != null) {
            mail.addContent(new Content("text/plain", delivery.text()));
        }
        if (delivery.html() != null) {
            mail.addContent(new Content("text/html", delivery.html()));
        }
        for (OutboxAttachment file : delivery.attachments()) {
            Attachments attachment = new Attachments();
            attachment.setContent(Base64.getEncoder().encodeToString(file.content()));
            attachment.setFilename(file.filename());
            attachment.setType(file.contentType());
            attachment.setDisposition("attachment");
            mail.addAttachments(attachment);
        }
        delivery.headers().forEach(mail::addHeader);
        // lets the Event Webhook's events be matched to the outbox row
        mail.addCustomArg("zorah_email_id", delivery.emailId().toString());
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail.build());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Mail Send body", e);
        }
        return request;
    }

    private CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name, breakerConfig);
    }

    private static Duration openWait(CircuitBreaker breaker) {
        long millis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Duration.ofMillis(Math.max(1000, millis));
    }

    /** {@code Retry-After} (seconds or an HTTP date), else {@code X-RateLimit-Reset} (epoch seconds); else null. */
    Duration retryAfter(Response response) {
        Map<String, String> headers = response.getHeaders();
        String retryAfter = header(headers, "Retry-After");
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return positive(Duration.between(clock.instant(), at));
                } catch (DateTimeParseException ignored) {
                    // fall through to X-RateLimit-Reset
                }
            }
        }
        String reset = header(headers, "X-RateLimit-Reset");
        if (reset != null) {
            try {
                return positive(Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset
                        .trim()))));
            } catch (NumberFormatException | java.time.DateTimeException ignored) {
                return null;
            }
        }
        return null;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet()
                .stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** SendGrid's {@code errors[{field, message}]} as {@code ": field: message; message"}, or "". */
    private static String errors(Response response) {
        String body = response.getBody();
        if (!StringUtils.hasText(body)) {
            return "";
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> parts = new ArrayList<>();
            for (JsonNode error : errors) {
                String field = error.path("field").isString() ? error.path("field").asString() : null;
                String message = error.path("message").asString("");
                if (!message.isBlank()) {
                    parts.add(field == null || field.isBlank() ? message : field + ": " + message);
                }
            }
            return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName();
    }

    /** Short, one line, and never the key (nor anything shaped like a SendGrid key). */
    static String sanitize(String message, String key) {
        String clean = message;
        if (StringUtils.hasText(key)) {
            clean = clean.replace(key, "[key]");
        }
        clean = KEY_LIKE.matcher(clean).replaceAll("[key]").replaceAll("[\\r\\n\\t]+", " ");
        return clean.length() > MAX_ERROR ? clean.substring(0, MAX_ERROR) + "…" : clean;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** What the circuit breaker records for a failed answer. */
    static final class SendGridFailure extends RuntimeException {

        SendGridFailure(int status) {
            super("SendGrid answered " + status, null, false, false);
        }
    }
}
