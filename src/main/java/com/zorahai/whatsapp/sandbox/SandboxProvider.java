package com.zorahai.whatsapp.sandbox;

import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.provider.CloudApiMessages;
import com.zorahai.whatsapp.provider.MediaResult;
import com.zorahai.whatsapp.provider.OutboundRequest;
import com.zorahai.whatsapp.provider.ProviderHttp;
import com.zorahai.whatsapp.provider.SendResult;
import com.zorahai.whatsapp.provider.TemplateList;
import com.zorahai.whatsapp.provider.WhatsAppProvider;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local default: every outbound message is written to {@code whatsapp_sandbox_messages} in the Cloud API shape
 * Meta would have received, and answered with a message id of its own. Inbound webhooks come in Meta's format,
 * signed with {@code WHATSAPP_APP_SECRET} when that is set and unsigned otherwise. It keeps no media.
 */
@Component("whatsappSandboxProvider")
class SandboxProvider implements WhatsAppProvider {

    static final String NAME = "sandbox";

    private final JdbcClient jdbc;

    SandboxProvider(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured(Tenant tenant) {
        return true;
    }

    @Override
    public WebhookAuthentication webhookAuthentication() {
        return WebhookAuthentication.SIGNATURE_WHEN_CONFIGURED;
    }

    @Override
    public SendResult send(Tenant tenant, OutboundRequest request) {
        String messageId = "wamid.sandbox." + UUID.randomUUID();
        jdbc.sql("""
                insert into whatsapp_sandbox_messages (id, tenant_id, recipient, type, body, provider_message_id)
                values (:id, :tenant, :recipient, :type, cast(:body as jsonb), :messageId)""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.id().value())
                .param("recipient", request.providerRef() != null ? request.providerRef() : request.to())
                .param("type", request.content().type().value())
                .param("body", ProviderHttp.JSON.writeValueAsString(CloudApiMessages.message(request)))
                .param("messageId", messageId)
                .update();
        return new SendResult.Sent(messageId, 200);
    }

    @Override
    public MediaResult download(Tenant tenant, String mediaId) {
        return new MediaResult.Unavailable("the sandbox provider keeps no media");
    }

    @Override
    public TemplateList templates(Tenant tenant) {
        return TemplateList.of(List.of(new TemplateList.Template("hello_world", "en_US", "APPROVED", "UTILITY",
                "Hello {{1}}, thank you for contacting us.", 1)));
    }
}
