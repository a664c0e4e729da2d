package com.zorahai.intake.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings ({@code zorah.intake.*}).
 *
 * @param confidenceThreshold a value read with less confidence than this (0 to 1) is not trusted: a new travel
 *        request whose required fields, or whose other pricing fields, fall below it goes to the review queue
 * @param requiredFields what a confident new travel request must have: {@code destination}, {@code dates} (check-in
 *        and check-out, or a month), {@code adults}, and optionally {@code budget}, {@code client_name},
 *        {@code phone}, {@code origin}, {@code board_basis}, {@code stars}
 * @param spamScore an email SendGrid scored at least this high is stored as spam and not acted on
 * @param baseUrl the dashboard's address, for links in notifications ({@code BASE_URL})
 * @param notifyConsultants whether consultants get an email for each new draft
 * @param maxPageSize the largest page the review list returns
 * @param maxConcurrent emails handled at once per instance; more wait (each holds a database connection while it
 *        acts, and listeners run on unbounded virtual threads)
 */
@Validated
@ConfigurationProperties("zorah.intake")
public record IntakeProperties(
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") BigDecimal confidenceThreshold,
        @DefaultValue({
                "destination", "dates", "adults"}) List<String> requiredFields,
        @DefaultValue("5.0") BigDecimal spamScore,
        @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,
        @DefaultValue("true") boolean notifyConsultants,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("4") @Min(1) @Max(64) int maxConcurrent) {

    public IntakeProperties {
        requiredFields = requiredFields == null
                ? List.of()
                : requiredFields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT).replace('-', '_')).toList();
        for (String field : requiredFields) {
            if (!Confidence.REQUIRABLE.contains(field)) {
                throw new IllegalArgumentException("zorah.intake.required-fields: '" + field
                        + "' is not one of " + Confidence.REQUIRABLE.stream().sorted().toList());
            }
        }
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    public double threshold() {
        return confidenceThreshold.doubleValue();
    }
}
