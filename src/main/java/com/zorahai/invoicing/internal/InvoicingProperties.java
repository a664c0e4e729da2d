package com.zorahai.invoicing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invoicing settings ({@code zorah.invoicing.*}).
 *
 * @param paymentTermsDays days from the issue date to the due date, unless the invoice sets its own
 * @param numberPrefix what invoice numbers start with, e.g. {@code INV-} gives {@code INV-000123}
 * @param numberDigits the digits an invoice number is padded to
 * @param autoDraftOnAcceptance whether an accepted quote becomes a draft invoice by itself
 * @param maxPageSize the largest page the list endpoint returns
 * @param reminders the overdue job
 * @param dataKey the key travellers' personal data is encrypted with
 */
@Validated
@ConfigurationProperties("zorah.invoicing")
record InvoicingProperties(@DefaultValue("14") @Min(0) @Max(365) int paymentTermsDays,
        @DefaultValue("INV-") @NotNull @Pattern(regexp = "[A-Z0-9-]{0,10}", message = "must be at most 10 of A-Z, 0-9 and -") String numberPrefix,
        @DefaultValue("6") @Min(1) @Max(12) int numberDigits,
        @DefaultValue("false") boolean autoDraftOnAcceptance,
        @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue @Valid @NotNull Reminders reminders,
        @DefaultValue @Valid @NotNull DataKey dataKey) {

    /**
     * @param enabled whether the job runs on its schedule (tests run it themselves)
     * @param cron when the job runs (Spring cron, six fields), in {@code zone}
     * @param zone the time zone of {@code cron}
     * @param days the schedule: a reminder goes out this many days after the due date, once per step; when the job
     *        missed steps, only the latest step reached is sent
     */
    record Reminders(@DefaultValue("true") boolean enabled,
            @DefaultValue("0 0 7 * * *") @NotBlank String cron,
            @DefaultValue("UTC") @NotBlank String zone,
            @DefaultValue("1,7,14") @NotEmpty List<@NotNull @Min(1) @Max(365) Integer> days) {

        Reminders {
            days = days == null ? List.of() : days.stream().distinct().sorted().toList();
        }
    }

    /**
     * @param key the AES-256 key, Base64 of 32 bytes ({@code ZORAH_DATA_KEY}); when empty a key is generated once
     *        and kept in {@code file}
     * @param file where the generated key is kept
     * @param previous older keys (Base64, comma-separated) still read, so rows written before a rotation stay
     *        readable; they are re-encrypted with {@code key} at start-up
     */
    record DataKey(String key, @DefaultValue("./var/data-key") @NotBlank String file, List<String> previous) {

        DataKey {
            previous = previous == null
                    ? List.of()
                    : previous.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        }
    }
}
