package com.zorahai.whatsapp;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import com.zorahai.whatsapp.internal.Conversations;
import com.zorahai.whatsapp.internal.MediaDownloads;
import com.zorahai.whatsapp.internal.Outbox;
import com.zorahai.whatsapp.internal.Providers;
import com.zorahai.whatsapp.provider.CloudApiWebhooks;
import com.zorahai.whatsapp.provider.TemplateList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The WhatsApp channel for other modules: send (always through the outbox), check the customer-service window, read
 * conversations and their media, hand a conversation to a human and back. Free-form content outside the window is
 * refused with a 422 problem {@code whatsapp-window-closed} before anything is queued; send a
 * {@link OutboundContent.Template} instead.
 */
@Service("whatsappMessages")
public class WhatsAppMessages {

    /** The problem type of a free-form send outside the window. */
    public static final String WINDOW_CLOSED = "whatsapp-window-closed";
    /** Who sent a message: the bot. */
    public static final String BOT = "bot";

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z]{2,4})?");
    private static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9.]{1,140}");

    private final Conversations conversations;
    private final Outbox outbox;
    private final Providers providers;
    private final Tenants tenants;
    private final MediaDownloads media;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    WhatsAppMessages(Conversations conversations, Outbox outbox, Providers providers, Tenants tenants,
            MediaDownloads media, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.providers = providers;
        this.tenants = tenants;
        this.media = media;
        this.transactions = transactions;
        this.events = events;
    }

    /** Queues content for a conversation; 404 for an unknown conversation, 422 outside the window for free-form. */
    public QueuedMessage send(TenantId tenant, UUID conversationId, OutboundContent content, String sentBy) {
        validate(content);
        return transactions.execute(tx -> {
            Conversation conversation = conversations.find(tenant, conversationId)
                    .orElseThrow(() -> ProblemException.notFound("conversation", conversationId));
            return queue(tenant, conversation, content, sentBy);
        });
    }

    /**
     * Queues content for a contact by phone number (digits, {@code +} allowed) or business-scoped user id, starting a
     * conversation when there is none (a template to a new customer, e.g. a booking reminder).
     */
    public QueuedMessage send(TenantId tenant, String to, OutboundContent content, String sentBy) {
        validate(content);
        WhatsAppContact contact = contact(to);
        return transactions.execute(tx -> {
            Conversation conversation = conversations.findByContact(tenant, contact.key()).orElseGet(() -> {
                UUID id = conversations.upsert(tenant, contact, null, null);
                return conversations.find(tenant, id).orElseThrow();
            });
            return queue(tenant, conversation, content, sentBy);
        });
    }

    public QueuedMessage sendText(TenantId tenant, UUID conversationId, String text) {
        return send(tenant, conversationId, new OutboundContent.Text(text), BOT);
    }

    public QueuedMessage sendText(TenantId tenant, String to, String text) {
        return send(tenant, to, new OutboundContent.Text(text), BOT);
    }

    public QueuedMessage sendInteractive(TenantId tenant, UUID conversationId,
            OutboundContent.Interactive interactive) {
        return send(tenant, conversationId, interactive, BOT);
    }

    public QueuedMessage sendMedia(TenantId tenant, UUID conversationId, OutboundContent.Media file) {
        return send(tenant, conversationId, file, BOT);
    }

    public QueuedMessage sendTemplate(TenantId tenant, String to, String templateName, String language,
            List<String> parameters) {
        return send(tenant, to, new OutboundContent.Template(templateName, language,
                parameters == null ? List.of() : parameters), BOT);
    }

    /** Whether free-form messages may go to the conversation now. */
    public boolean isWindowOpen(TenantId tenant, UUID conversationId) {
        return conversations.find(tenant, conversationId).map(Conversation::windowOpen).orElse(false);
    }

    /** Whether free-form messages may go to the contact (phone number or user id) now. */
    public boolean isWindowOpen(TenantId tenant, String contact) {
        return conversations.findByContact(tenant, contact(contact).key()).map(Conversation::windowOpen)
                .orElse(false);
    }

    public Optional<Conversation> conversation(TenantId tenant, UUID conversationId) {
        return conversations.find(tenant, conversationId);
    }

    /** The last {@code n} messages (at most 200), oldest first. */
    public List<ChatMessage> recentMessages(TenantId tenant, UUID conversationId, int n) {
        return conversations.recent(tenant, conversationId, Math.max(1, Math.min(n, 200)));
    }

    /** Pauses the bot for the conversation and flags it for staff; 404 for an unknown conversation. */
    public Conversation handoff(TenantId tenant, UUID conversationId, String reason, String requestedBy) {
        return transactions.execute(tx -> {
            if (!conversations.handoff(tenant, conversationId, reason)) {
                throw ProblemException.notFound("conversation", conversationId);
            }
            events.publishEvent(new WhatsAppConversationHandedOver(tenant, conversationId, reason, requestedBy));
            return conversations.find(tenant, conversationId).orElseThrow();
        });
    }

    /** Gives the conversation back to the bot; 404 for an unknown conversation. */
    public Conversation resume(TenantId tenant, UUID conversationId, String requestedBy) {
        return transactions.execute(tx -> {
            if (!conversations.resume(tenant, conversationId)) {
                throw ProblemException.notFound("conversation", conversationId);
            }
            events.publishEvent(new WhatsAppConversationResumed(tenant, conversationId, requestedBy));
            return conversations.find(tenant, conversationId).orElseThrow();
        });
    }

    /** Clears the unread count and queues a read receipt for the latest customer message. */
    public Conversation markRead(TenantId tenant, UUID conversationId) {
        return transactions.execute(tx -> {
            conversations.find(tenant, conversationId)
                    .orElseThrow(() -> ProblemException.notFound("conversation", conversationId));
            conversations.markRead(tenant, conversationId).ifPresent(last -> outbox.add(tenant, conversationId, null,
                    "read", new Outbox.Payload(null, null, last), false));
            return conversations.find(tenant, conversationId).orElseThrow();
        });
    }

    /**
     * The file of an inbound media message, as kept in object storage ({@code bucket}/{@code key}); downloaded first
     * when it is not there yet. Empty for another tenant's message, a message without media, or a file the provider
     * no longer has.
     */
    public Optional<MediaFile> media(TenantId tenant, UUID messageId) {
        return media.fetch(tenant, messageId)
                .map(f -> new MediaFile(f.bucket(), f.key(), f.content(), f.mimeType()));
    }

    /** A media file. */
    public record MediaFile(String bucket, String key, byte[] content, String mimeType) {
    }

    /** The tenant's templates, as its provider lists them. */
    public TemplateList templates(TenantId tenant) {
        Tenant owner = tenants.get(tenant);
        return providers.effective(owner).templates(owner);
    }

    private QueuedMessage queue(TenantId tenant, Conversation conversation, OutboundContent content,
            String sentBy) {
        if (content.needsWindow() && !conversation.windowOpen()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, WINDOW_CLOSED,
                    "Customer-service window closed",
                    "The customer has not written in the last 24 hours: only a template can be sent.")
                    .with("conversation_id", conversation.id().toString());
        }
        String provider = tenants.find(tenant).map(t -> providers.effective(t).name()).orElse("sandbox");
        UUID messageId = conversations.insertOutbound(tenant, conversation.id(), provider, content.type(),
                summary(content), content, sentBy);
        outbox.add(tenant, conversation.id(), messageId, "message", new Outbox.Payload(content, null, null),
                content.needsWindow());
        return new QueuedMessage(messageId, conversation.id());
    }

    private static String summary(OutboundContent content) {
        return switch (content) {
            case OutboundContent.Text text -> text.body();
            case OutboundContent.Media file -> file.caption() != null
                    ? file.caption()
                    : file.filename() != null ? file.filename() : "[" + file.type().value() + "]";
            case OutboundContent.Interactive interactive -> interactive.body();
            case OutboundContent.Template template -> "[template " + template.name() + "]";
        };
    }

    static WhatsAppContact contact(String to) {
        if (to == null || to.isBlank()) {
            throw ProblemException.invalidField("to", "is required");
        }
        String value = to.trim();
        if (USER_ID.matcher(value).matches()) {
            return new WhatsAppContact(value, null, value, null);
        }
        String digits = CloudApiWebhooks.digits(value);
        if (digits == null || digits.length() < 7 || digits.length() > 15 || !value.matches("\\+?[0-9 ()-]+")) {
            throw ProblemException.invalidField("to", "must be a phone number or a business-scoped user id");
        }
        return new WhatsAppContact(digits, digits, null, null);
    }

    /** Checks content against the Cloud API's limits; 400 naming the field. */
    static void validate(OutboundContent content) {
        if (content == null) {
            throw ProblemException.invalidField("content", "is required");
        }
        List<String[]> errors = new ArrayList<>();
        switch (content) {
            case OutboundContent.Text text -> length(errors, "text", text.body(), 1, 4096);
            case OutboundContent.Media file -> {
                if (file.type() == null || !file.type().isMedia()) {
                    errors.add(new String[]{"type", "must be image, audio, video or document"});
                }
                if (file.link() == null || !file.link().matches("https?://\\S{1,2000}")) {
                    errors.add(new String[]{"link", "must be an http or https URL"});
                }
                optional(errors, "caption", file.caption(), 1024);
                optional(errors, "filename", file.filename(), 240);
            }
            case OutboundContent.Interactive interactive -> {
                length(errors, "body", interactive.body(), 1, 1024);
                optional(errors, "header", interactive.header(), 60);
                optional(errors, "footer", interactive.footer(), 60);
                if (interactive.isList()) {
                    length(errors, "list_button", interactive.listButton(), 1, 20);
                    int rows = interactive.sections() == null
                            ? 0
                            : interactive.sections()
                                    .stream()
                                    .mapToInt(s -> s.rows() == null ? 0 : s.rows().size())
                                    .sum();
                    if (rows < 1 || rows > 10) {
                        errors.add(new String[]{"sections", "must hold 1 to 10 rows in all"});
                    } else {
                        for (OutboundContent.Section section : interactive.sections()) {
                            optional(errors, "sections.title", section.title(), 24);
                            for (OutboundContent.Choice row : section.rows()) {
                                choice(errors, "sections.rows", row, 24);
                                optional(errors, "sections.rows.description", row.description(), 72);
                            }
                        }
                    }
                } else {
                    if (interactive.buttons() == null || interactive.buttons().isEmpty()
                            || interactive.buttons().size() > 3) {
                        errors.add(new String[]{"buttons", "must hold 1 to 3 buttons"});
                    } else {
                        interactive.buttons().forEach(b -> choice(errors, "buttons", b, 20));
                    }
                }
            }
            case OutboundContent.Template template -> {
                if (template.name() == null || !TEMPLATE_NAME.matcher(template.name()).matches()) {
                    errors.add(new String[]{"template_name", "must be a template name (a-z, 0-9, _)"});
                }
                if (template.language() == null || !LANGUAGE.matcher(template.language()).matches()) {
                    errors.add(new String[]{"language", "must be a language code such as en or en_US"});
                }
                if (template.bodyParameters() == null || template.bodyParameters().size() > 30) {
                    errors.add(new String[]{"parameters", "must hold at most 30 values"});
                } else {
                    template.bodyParameters().forEach(p -> length(errors, "parameters", p, 1, 1024));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidField(errors.get(0)[0], errors.get(0)[1]);
        }
    }

    private static void choice(List<String[]> errors, String field, OutboundContent.Choice choice, int maxTitle) {
        if (choice == null) {
            errors.add(new String[]{field, "must not hold null"});
            return;
        }
        length(errors, field + ".id", choice.id(), 1, 200);
        length(errors, field + ".title", choice.title(), 1, maxTitle);
    }

    private static void length(List<String[]> errors, String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new String[]{field, "is required"});
        } else if (value.length() < min || value.length() > max) {
            errors.add(new String[]{field, "must be at most " + max + " characters"});
        }
    }

    private static void optional(List<String[]> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new String[]{field, "must be at most " + max + " characters"});
        }
    }
}
