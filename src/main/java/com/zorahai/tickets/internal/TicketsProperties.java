package com.zorahai.tickets.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket settings ({@code zorah.tickets.*}).
 *
 * @param maxPageSize the largest page the ticket list returns
 * @param messageIdDomain the domain of the {@code Message-ID} of reply emails when the tenant has no from address
 */
@Validated
@ConfigurationProperties("zorah.tickets")
record TicketsProperties(@DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
        @DefaultValue("zorahai.com") @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?", message = "must be a domain name such as zorahai.com") String messageIdDomain) {
}
