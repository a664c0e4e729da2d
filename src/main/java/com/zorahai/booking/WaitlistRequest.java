package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import java.time.LocalDate;

/**
 * Someone who wants a service between two dates (inclusive, tenant time zone) and asks to be told when a slot frees.
 *
 * @param customerPhone E.164; required, as the offer goes to it
 */
public record WaitlistRequest(String serviceId, String customerName, String customerPhone, ClientId clientId,
        LocalDate earliest, LocalDate latest, Channel channel, String language, String notes) {
}
