package com.zorahai.intake.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.email.InboundEmail;
import com.zorahai.intake.SupportRequestReceived;
import java.util.function.Supplier;

/** The announcement that an inbound email asks for support, for the tickets module. */
final class SupportAnnouncement {

    private SupportAnnouncement() {
    }

    /**
     * @param cleanedText the email read as text, asked for only when it has no plain-text part
     * @param client the live client the sender's address belongs to, or {@code null}
     */
    static SupportRequestReceived of(IntakeRequest request, InboundEmail email, Supplier<String> cleanedText,
            ClientId client) {
        TravelRequest.Sender sender = TravelRequest.Sender.parse(email.from());
        String body = email.text() != null && !email.text().isBlank() ? email.text() : cleanedText.get();
        return new SupportRequestReceived(request.tenantId(), request.inboundEmailId(), email.messageId(),
                sender.address(), sender.name(), email.subject(), body, client, MailReferences.of(email.headers()),
                email.receivedAt());
    }
}
