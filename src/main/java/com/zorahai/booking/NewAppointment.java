package com.zorahai.booking;

import com.zorahai.crm.ClientId;
import java.time.Instant;

/**
 * A booking request.
 *
 * @param serviceId the service, as {@link BookableService#id()}
 * @param start when it starts (take {@code slot.start().toInstant()} of a {@link Slot})
 * @param resourceId the member of staff or room wanted; null lets the clinic pick any that is free
 * @param customerPhone E.164 ({@code +9613123456}); a national number is read in the tenant's country when its locale
 *        names one. With a phone the customer is found or created in the CRM and gets reminders.
 * @param clientId the CRM client, when the caller knows it
 * @param gender picks a gender-specific price; null for the general price
 * @param language the customer's language (e.g. {@code ar}) for reminders; null for the tenant's
 * @param idempotencyKey a key unique to this request: a retry with the same key returns the first appointment
 */
public record NewAppointment(String serviceId, Instant start, String resourceId, String customerName,
        String customerPhone, ClientId clientId, Gender gender, Channel channel, String language, String notes,
        String idempotencyKey) {

    /** A request from the WhatsApp assistant: any free resource, with a key unique to the conversation turn. */
    public static NewAppointment viaWhatsApp(String serviceId, Instant start, String customerName,
            String customerPhone, String language, String idempotencyKey) {
        return new NewAppointment(serviceId, start, null, customerName, customerPhone, null, null, Channel.WHATSAPP,
                language, null, idempotencyKey);
    }
}
