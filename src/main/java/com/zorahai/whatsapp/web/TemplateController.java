package com.zorahai.whatsapp.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.CurrentTenant;
import com.zorahai.whatsapp.OutboundContent;
import com.zorahai.whatsapp.QueuedMessage;
import com.zorahai.whatsapp.WhatsAppMessages;
import com.zorahai.whatsapp.provider.TemplateList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's approved templates and sending one, the only message allowed outside the customer-service window.
 */
@PreAuthorize("hasAnyRole('OWNER','ADMIN','CONSULTANT','AGENT')")
@RestController("whatsappTemplateController")
class TemplateController {

    private final WhatsAppMessages messages;
    private final CurrentTenant currentTenant;

    TemplateController(WhatsAppMessages messages, CurrentTenant currentTenant) {
        this.messages = messages;
        this.currentTenant = currentTenant;
    }

    /** A template send: to a conversation, or to a phone number / user id. */
    record TemplateSend(String conversationId, String to, String templateName, String language,
            List<String> parameters) {
    }

    @GetMapping("/api/v1/whatsapp/templates")
    TemplateList list() {
        return messages.templates(currentTenant.require());
    }

    @PostMapping(path = "/api/v1/whatsapp/templates/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueuedMessage> send(@RequestBody TemplateSend request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        OutboundContent.Template template = new OutboundContent.Template(request.templateName(),
                request.language(), request.parameters() == null ? List.of() : request.parameters());
        QueuedMessage queued;
        if (request.conversationId() != null) {
            UUID id;
            try {
                id = UUID.fromString(request.conversationId());
            } catch (IllegalArgumentException ex) {
                throw ProblemException.invalidField("conversation_id", "must be a conversation id");
            }
            queued = messages.send(currentTenant.require(), id, template, ConversationController.staff());
        } else {
            queued = messages.send(currentTenant.require(), request.to(), template, ConversationController.staff());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }
}
