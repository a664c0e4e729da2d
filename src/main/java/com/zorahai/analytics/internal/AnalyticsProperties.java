package com.zorahai.analytics.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Analytics settings ({@code zorah.analytics.*}); the BigQuery export has its own ({@code zorah.analytics.bigquery.*}).
 *
 * @param maxRangeDays the longest period a summary or a time series may cover
 * @param maxPageSize the largest page of unanswered questions
 * @param unanswered how unanswered questions are grouped
 * @param report the daily report
 */
@Validated
@ConfigurationProperties("zorah.analytics")
public record AnalyticsProperties(@DefaultValue("1100") @Min(1) @Max(3700) int maxRangeDays,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue @Valid @NotNull Unanswered unanswered,
        @DefaultValue @Valid @NotNull Report report) {

    /**
     * @param jaccardThreshold two questions whose word sets overlap at least this much (Jaccard index) are the same
     * @param trigramThreshold two questions whose character trigrams overlap at least this much are the same
     * @param maxCandidates how many open groups (most recently asked first) a new question is compared with
     */
    public record Unanswered(@DefaultValue("0.5") @DecimalMin("0.05") @DecimalMax("1.0") double jaccardThreshold,
            @DefaultValue("0.55") @DecimalMin("0.05") @DecimalMax("1.0") double trigramThreshold,
            @DefaultValue("2000") @Min(1) @Max(100000) int maxCandidates) {
    }

    /**
     * @param enabled whether the job runs on its schedule (tests run it themselves)
     * @param cron when the job looks for due reports (Spring cron, six fields, UTC); each tenant's report goes out
     *        on the first run at or after its hour in its own time zone
     * @param defaultHour the hour of the day (tenant time zone) reports go out when a tenant set none
     * @param whatsappTemplate the approved WhatsApp template used when the trainer's 24-hour window is closed
     * @param topQuestions how many unanswered questions the report lists
     */
    public record Report(@DefaultValue("true") boolean enabled,
            @DefaultValue("0 */10 * * * *") @NotBlank String cron,
            @DefaultValue("8") @Min(0) @Max(23) int defaultHour,
            @DefaultValue("daily_report") @NotBlank String whatsappTemplate,
            @DefaultValue("3") @Min(0) @Max(20) int topQuestions) {
    }
}
