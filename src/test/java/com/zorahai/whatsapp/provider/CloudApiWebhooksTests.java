package com.zorahai.whatsapp.provider;

import static com.zorahai.whatsapp.MetaPayloads.buttonReply;
import static com.zorahai.whatsapp.MetaPayloads.change;
import static com.zorahai.whatsapp.MetaPayloads.contacts;
import static com.zorahai.whatsapp.MetaPayloads.envelope;
import static com.zorahai.whatsapp.MetaPayloads.failed;
import static com.zorahai.whatsapp.MetaPayloads.image;
import static com.zorahai.whatsapp.MetaPayloads.listReply;
import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.status;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static com.zorahai.whatsapp.MetaPayloads.voiceNote;
import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.whatsapp.DeliveryStatus;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppMessage;
import org.junit.jupiter.api.Test;

class CloudApiWebhooksTests {

    static ParsedWebhook parse(String json) {
        return CloudApiWebhooks.parse(ProviderHttp.JSON.readTree(json));
    }

    static WhatsAppMessage only(String message) {
        return parse(messages("106540352242922", "96170123456", "Maya", message)).messages().getFirst().message();
    }

    @Test
    void everyMessageTypeIsNormalised() {
        assertThat(only(text("wamid.1", "96170123456", "Hello")).text()).isEqualTo("Hello");

        WhatsAppMessage picture = only(image("wamid.2", "96170123456", "1234567890", "My skin before"));
        assertThat(picture.type()).isEqualTo(MessageType.IMAGE);
        assertThat(picture.text()).isEqualTo("My skin before");
        assertThat(picture.media().providerMediaId()).isEqualTo("1234567890");
        assertThat(picture.media().mimeType()).isEqualTo("image/jpeg");
        assertThat(picture.media().voice()).isFalse();

        WhatsAppMessage voice = only(voiceNote("wamid.3", "96170123456", "555"));
        assertThat(voice.type()).isEqualTo(MessageType.AUDIO);
        assertThat(voice.media().voice()).isTrue();

        WhatsAppMessage button = only(buttonReply("wamid.4", "96170123456", "confirm", "Confirm", "wamid.out"));
        assertThat(button.type()).isEqualTo(MessageType.INTERACTIVE);
        assertThat(button.reply().id()).isEqualTo("confirm");
        assertThat(button.contextMessageId()).isEqualTo("wamid.out");

        WhatsAppMessage list = only(listReply("wamid.5", "96170123456", "legs", "Full legs", "45 min"));
        assertThat(list.reply().description()).isEqualTo("45 min");

        WhatsAppMessage location = only("""
                {"from": "96170123456", "id": "wamid.6", "timestamp": "1764238453", "type": "location",
                 "location": {"latitude": 33.8938, "longitude": 35.5018, "name": "Clinic", "address": "Hamra St"}}""");
        assertThat(location.type()).isEqualTo(MessageType.LOCATION);
        assertThat(location.location().latitude()).isEqualTo(33.8938);
        assertThat(location.location().address()).isEqualTo("Hamra St");

        WhatsAppMessage quickReply = only("""
                {"from": "96170123456", "id": "wamid.7", "timestamp": "1764238453", "type": "button",
                 "context": {"from": "15550783881", "id": "wamid.template"},
                 "button": {"text": "Reschedule", "payload": "RESCHEDULE_42"}}""");
        assertThat(quickReply.type()).isEqualTo(MessageType.BUTTON);
        assertThat(quickReply.reply().id()).isEqualTo("RESCHEDULE_42");
        assertThat(quickReply.text()).isEqualTo("Reschedule");

        WhatsAppMessage reaction = only("""
                {"from": "96170123456", "id": "wamid.8", "timestamp": "1764238453", "type": "reaction",
                 "reaction": {"message_id": "wamid.out", "emoji": "\\uD83D\\uDC4D"}}""");
        assertThat(reaction.type()).isEqualTo(MessageType.REACTION);
        assertThat(reaction.reaction().emoji()).isEqualTo("👍");
        assertThat(reaction.reaction().messageId()).isEqualTo("wamid.out");

        WhatsAppMessage document = only("""
                {"from": "96170123456", "id": "wamid.9", "timestamp": "1764238453", "type": "document",
                 "document": {"caption": "Lab results", "filename": "results.pdf", "mime_type": "application/pdf",
                              "sha256": "x", "id": "777"}}""");
        assertThat(document.media().filename()).isEqualTo("results.pdf");

        WhatsAppMessage video = only("""
                {"from": "96170123456", "id": "wamid.10", "timestamp": "1764238453", "type": "video",
                 "video": {"mime_type": "video/mp4", "sha256": "x", "id": "888"}}""");
        assertThat(video.type()).isEqualTo(MessageType.VIDEO);

        WhatsAppMessage unsupported = only("""
                {"from": "96170123456", "id": "wamid.11", "timestamp": "1764238453", "type": "unsupported",
                 "errors": [{"code": 131051, "title": "Message type unknown"}]}""");
        assertThat(unsupported.type()).isEqualTo(MessageType.UNSUPPORTED);
        assertThat(only("""
                {"from": "96170123456", "id": "wamid.12", "timestamp": "1764238453", "type": "contacts",
                 "contacts": [{"name": {"formatted_name": "X"}}]}""").type()).isEqualTo(MessageType.UNSUPPORTED);
    }

    @Test
    void theContactIsKeyedByTheBusinessScopedUserIdWhenPresent() {
        ParsedWebhook withBoth = parse(envelope(change("1", contacts("96170123456", "LB.1502576394655843", "Maya"),
                "\"messages\": [" + text("wamid.1", "96170123456", "hi") + "]")));
        assertThat(withBoth.messages().getFirst().contact().key()).isEqualTo("LB.1502576394655843");
        assertThat(withBoth.messages().getFirst().contact().waId()).isEqualTo("96170123456");

        ParsedWebhook withoutPhone = parse(envelope(change("1", contacts(null, "LB.99", "Anon"), """
                "messages": [{"from_user_id": "LB.99", "id": "wamid.2", "timestamp": "1764238453", "type": "text",
                              "text": {"body": "hello"}}]""")));
        assertThat(withoutPhone.messages().getFirst().contact().key()).isEqualTo("LB.99");
        assertThat(withoutPhone.messages().getFirst().contact().waId()).isNull();

        ParsedWebhook phoneOnly = parse(messages("1", "96170123456", "Maya", text("wamid.3", "96170123456", "x")));
        assertThat(phoneOnly.messages().getFirst().contact().key()).isEqualTo("96170123456");
    }

    @Test
    void statusesAndErrorsOfEveryEntryAreRead() {
        ParsedWebhook parsed = parse(envelope(
                change("1", null, "\"statuses\": [" + status("wamid.a", "delivered", "96170123456") + ","
                        + status("wamid.a", "read", "96170123456") + "]"),
                change("2", null, "\"statuses\": [" + failed("wamid.b", "96170123456", 131047,
                        "Re-engagement message") + ", " + status("wamid.c", "played", "961") + ","
                        + status("wamid.d", "weird", "961") + "]"),
                change("2", null, "\"errors\": [{\"code\": 131000, \"title\": \"Something went wrong\"}]")));

        assertThat(parsed.statuses()).extracting(ParsedWebhook.Status::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED,
                        DeliveryStatus.PLAYED);
        ParsedWebhook.Status failure = parsed.statuses().get(2);
        assertThat(failure.errorCode()).isEqualTo(131047);
        assertThat(failure.errorTitle()).isEqualTo("Re-engagement message");
        assertThat(failure.errorDetail()).isEqualTo("Message failed to send.");
        assertThat(failure.phoneNumberId()).isEqualTo("2");
        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(131000));
    }

    @Test
    void otherFieldsAndShapesAreIgnored() {
        assertThat(parse("{}").isEmpty()).isTrue();
        assertThat(parse("""
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
                  {"field": "message_template_status_update", "value": {"event": "APPROVED"}}]}]}""").isEmpty())
                .isTrue();
        assertThat(parse("""
                {"entry": [{"changes": [{"field": "messages", "value": {"messages": [{"type": "text"}]}}]}]}""")
                .isEmpty()).isTrue();
    }
}
