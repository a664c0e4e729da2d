package com.zorahai.whatsapp.web;

import com.zorahai.identity.AuthenticatedUser;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.whatsapp.ChatMessage;
import com.zorahai.whatsapp.Conversation;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.QueuedMessage;
import com.zorahai.whatsapp.WhatsAppMessages;
import com.zorahai.whatsapp.internal.Conversations;
import com.zorahai.whatsapp.internal.WhatsAppProperties;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's view of WhatsApp conversations: list (filter by unread, needs human and date), messages, staff
 * replies (through the outbox, inside the customer-service window), mark as read, hand over to staff and back.
 * Every role may use it.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController("whatsappConversationController")
class ConversationController {

    static final String CONVERSATIONS = "/api/v1/whatsapp/conversations";

    private final Conversations conversations;
    private final WhatsAppMessages messages;
    private final CurrentTenant currentTenant;
    private final WhatsAppProperties properties;

    ConversationController(Conversations conversations, WhatsAppMessages messages, CurrentTenant currentTenant,
            WhatsAppProperties properties) {
        this.conversations = conversations;
        this.messages = messages;
        this.currentTenant = currentTenant;
        this.properties = properties;
    }

    /** A staff reply: text, or a file by link ({@code type} image, document, audio or video). */
    record ReplyRequest(String text, String type, String link, String caption, String filename) {
    }

    record HandoffRequest(String reason) {
    }

    /** Conversations, most recent first; {@code from} and {@code to} are dates (UTC) of the last message. */
    @GetMapping(CONVERSATIONS)
    Page<Conversation> list(@RequestParam(required = false) Boolean unread,
            @RequestParam(name = "needs_human", required = false) Boolean needsHuman,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        int p = Paging.page(page);
        int s = Paging.size(size, properties.maxPageSize());
        return conversations.page(tenant(), new Conversations.Filter(unread, needsHuman, date("from", from),
                date("to", to)), p, s);
    }

    @GetMapping(CONVERSATIONS + "/{id}")
    Conversation get(@PathVariable String id) {
        UUID conversationId = Paging.id(id);
        return conversations.find(tenant(), conversationId)
                .orElseThrow(() -> ProblemException.notFound("conversation", conversationId));
    }

    /** The conversation's messages, newest first. */
    @GetMapping(CONVERSATIONS + "/{id}/messages")
    Page<ChatMessage> messages(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        TenantId tenant = tenant();
        UUID conversationId = Paging.id(id);
        conversations.find(tenant, conversationId)
                .orElseThrow(() -> ProblemException.notFound("conversation", conversationId));
        return conversations.messages(tenant, conversationId, Paging.page(page),
                Paging.size(size, properties.maxPageSize()));
    }

    /** Queues a staff reply; 422 {@code whatsapp-window-closed} when only a template may be sent. */
    @PostMapping(path = CONVERSATIONS + "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueuedMessage> reply(@PathVariable String id, @RequestBody ReplyRequest request) {
        UUID conversationId = Paging.id(id);
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        OutboundContent content;
        if (request.type() == null || "text".equals(request.type())) {
            content = new OutboundContent.Text(request.text());
        } else {
            MessageType type = MessageType.parse(request.type()).filter(MessageType::isMedia)
                    .orElseThrow(() -> ProblemException.invalidField("type",
                            "must be text, image, document, audio or video"));
            content = new OutboundContent.Media(type, request.link(), request.caption(), request.filename());
        }
        QueuedMessage queued = messages.send(tenant(), conversationId, content, staff());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    @PostMapping(CONVERSATIONS + "/{id}/read")
    Conversation read(@PathVariable String id) {
        return messages.markRead(tenant(), Paging.id(id));
    }

    /** Pauses the bot for this conversation and flags it for staff. */
    @PostMapping(CONVERSATIONS + "/{id}/handoff")
    Conversation handoff(@PathVariable String id, @RequestBody(required = false) HandoffRequest request) {
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalidField("reason", "must be at most 500 characters");
        }
        return messages.handoff(tenant(), Paging.id(id), reason, staff());
    }

    /** Gives the conversation back to the bot. */
    @PostMapping(CONVERSATIONS + "/{id}/resume")
    Conversation resume(@PathVariable String id) {
        return messages.resume(tenant(), Paging.id(id), staff());
    }

    private TenantId tenant() {
        return currentTenant.require();
    }

    static String staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user.userId().toString();
        }
        return "staff";
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw ProblemException.invalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }

}
