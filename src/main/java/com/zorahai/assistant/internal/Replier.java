package com.zorahai.assistant.internal;

import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.WhatsAppMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Turns replies into WhatsApp messages: reply buttons for up to three short choices and a list for up to ten where
 * the tenant's provider shows them, numbered lines otherwise. Everything goes through the channel's outbox, in the
 * caller's transaction.
 */
@Component("assistantReplier")
class Replier {

    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    static final int MAX_TEXT = 4096;
    static final int MAX_INTERACTIVE_BODY = 1024;

    private final WhatsAppMessages whatsapp;
    private final AssistantProperties properties;
    private final Catalogue catalogue;

    Replier(WhatsAppMessages whatsapp, AssistantProperties properties, Catalogue catalogue) {
        this.whatsapp = whatsapp;
        this.properties = properties;
        this.catalogue = catalogue;
    }

    void send(Turn turn) {
        for (Reply reply : turn.replies) {
            whatsapp.send(turn.tenantId(), turn.conversationId, content(turn.tenant, turn.language, reply),
                    WhatsAppMessages.BOT);
        }
    }

    OutboundContent content(Tenant tenant, Language language, Reply reply) {
        return switch (reply) {
            case Reply.Text text -> new OutboundContent.Text(clip(text.body(), MAX_TEXT));
            case Reply.Options options -> interactive(tenant) && options.body().length() <= MAX_INTERACTIVE_BODY
                    ? interactive(options)
                    : new OutboundContent.Text(clip(numbered(language, options), MAX_TEXT));
        };
    }

    boolean interactive(Tenant tenant) {
        String provider = tenant.whatsapp() == null || tenant.whatsapp().provider() == null
                ? "sandbox"
                : tenant.whatsapp().provider().toLowerCase(Locale.ROOT);
        return properties.interactiveProviders().stream().anyMatch(p -> p.equalsIgnoreCase(provider));
    }

    private static OutboundContent interactive(Reply.Options options) {
        List<Reply.Option> choices = options.options();
        boolean shortTitles = choices.stream().allMatch(o -> o.title().length() <= MAX_BUTTON_TITLE);
        boolean noDescriptions = choices.stream().allMatch(o -> o.description() == null);
        if (choices.size() <= MAX_BUTTONS && shortTitles && noDescriptions) {
            return OutboundContent.Interactive.buttons(options.body(),
                    choices.stream().map(o -> new OutboundContent.Choice(o.id(), o.title())).toList());
        }
        List<OutboundContent.Choice> rows = new ArrayList<>();
        for (Reply.Option o : choices.subList(0, Math.min(MAX_ROWS, choices.size()))) {
            String description = o.description();
            String title = o.title();
            if (title.length() > MAX_ROW_TITLE) {
                // the full name goes in the description, which has room for it
                description = description == null ? title : title + " · " + description;
                title = clip(title, MAX_ROW_TITLE);
            }
            rows.add(new OutboundContent.Choice(o.id(), title,
                    description == null ? null : clip(description, MAX_ROW_DESCRIPTION)));
        }
        String button = options.button() == null ? "Options" : clip(options.button(), MAX_BUTTON_TITLE);
        return OutboundContent.Interactive.list(options.body(), button,
                List.of(new OutboundContent.Section(null, rows)));
    }

    private String numbered(Language language, Reply.Options options) {
        StringBuilder text = new StringBuilder(options.body()).append("\n");
        int n = 1;
        for (Reply.Option o : options.options()) {
            text.append('\n').append(n++).append(". ").append(o.title());
            if (o.description() != null) {
                text.append(" – ").append(o.description());
            }
        }
        return text.append("\n\n").append(catalogue.text(language, "numbered.hint")).toString();
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + "…";
    }
}
