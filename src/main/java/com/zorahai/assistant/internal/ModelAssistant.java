package com.zorahai.assistant.internal;

import com.zorahai.ai.AiCallFailed;
import com.zorahai.ai.ChatResult;
import com.zorahai.ai.ToolCall;
import com.zorahai.ai.ToolChat;
import com.zorahai.ai.ToolChatMessage;
import com.zorahai.ai.ToolChatRequest;
import com.zorahai.ai.ToolChatResult;
import com.zorahai.ai.Transcription;
import com.zorahai.ai.Vision;
import com.zorahai.ai.VisionRequest;
import com.zorahai.tenancy.Tenant;
import com.zorahai.whatsapp.ChatMessage;
import com.zorahai.whatsapp.MessageType;
import com.zorahai.whatsapp.WhatsAppMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The assistant with a model: chat completions with the assistant's tools, run by the application for at most
 * {@code zorah.assistant.max-tool-rounds} rounds; photos go to a vision model with careful instructions (no
 * diagnosis, a consultation offered); voice notes are transcribed and answered as text. Each method reports failure
 * (the model failing, timing out, refusing, or looping) by returning false or empty, so the offline assistant
 * answers instead; the failure is logged and counted in {@code zorah.assistant.model.fallbacks{reason}}.
 */
@Component("assistantModel")
class ModelAssistant {

    private static final Logger log = LoggerFactory.getLogger(ModelAssistant.class);
    static final String UNANSWERED = "[UNANSWERED]";
    static final int MAX_TOKENS = 600;

    private final ToolChat chat;
    private final Vision vision;
    private final Transcription transcription;
    private final AssistantTools tools;
    private final KnowledgeAnswers knowledge;
    private final WhatsAppMessages whatsapp;
    private final AssistantProperties properties;
    private final Catalogue catalogue;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String systemPrompt = resource("assistant/system-prompt.md");
    private final String photoPrompt = resource("assistant/photo-prompt.md");

    ModelAssistant(ObjectProvider<ToolChat> chat, ObjectProvider<Vision> vision,
            ObjectProvider<Transcription> transcription, AssistantTools tools, KnowledgeAnswers knowledge,
            WhatsAppMessages whatsapp, AssistantProperties properties, Catalogue catalogue, MeterRegistry meters,
            Clock clock) {
        this.chat = chat.getIfAvailable();
        this.vision = vision.getIfAvailable();
        this.transcription = transcription.getIfAvailable();
        this.tools = tools;
        this.knowledge = knowledge;
        this.whatsapp = whatsapp;
        this.properties = properties;
        this.catalogue = catalogue;
        this.meters = meters;
        this.clock = clock;
        log.info("WhatsApp assistant: {}", available() ? "OpenAI with tools, offline as fallback" : "offline");
    }

    boolean available() {
        return chat != null && !properties.offlineOnly();
    }

    /** Answers the text with the model and its tools; false when the model failed and nothing was said. */
    boolean answer(Turn turn, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        List<ToolChatMessage> messages = new ArrayList<>();
        messages.add(ToolChatMessage.system(system(turn)));
        messages.addAll(history(turn));
        messages.add(ToolChatMessage.user(text));
        String model = model(turn.tenant);
        try {
            for (int round = 1; round <= properties.maxToolRounds(); round++) {
                ToolChatResult result = chat.complete(new ToolChatRequest(model, messages, AssistantTools.DEFINITIONS,
                        0.3, MAX_TOKENS));
                turn.promptTokens += result.usage().promptTokens();
                turn.completionTokens += result.usage().completionTokens();
                if (!result.wantsTools()) {
                    finish(turn, text, result.text());
                    return true;
                }
                messages.add(new ToolChatMessage.Assistant(null, result.toolCalls()));
                for (ToolCall call : result.toolCalls()) {
                    messages.add(new ToolChatMessage.ToolResult(call.id(), tools.run(turn, call)));
                }
            }
            if (turn.outcome == Turn.Outcome.HANDED_OVER) {
                // the model handed over but kept calling tools: the hand-over still stands
                turn.engine = "openai";
                turn.say(catalogue.text(turn.language, "handover"));
                return true;
            }
            return failed("tool_loop", "no answer after " + properties.maxToolRounds() + " tool rounds");
        } catch (AiCallFailed e) {
            return failed(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return failed("unexpected", e.getClass().getSimpleName());
        }
    }

    private void finish(Turn turn, String question, String reply) {
        turn.engine = "openai";
        if (turn.intent.equals(Intent.QUESTION.value())) {
            turn.intent = Keywords.intent(question).value();
        }
        String text = reply.strip();
        if (text.startsWith(UNANSWERED)) {
            text = text.substring(UNANSWERED.length()).strip();
            if (turn.outcome != Turn.Outcome.HANDED_OVER) {
                turn.unanswered(question);
            }
        }
        turn.say(text.isEmpty() ? catalogue.text(turn.language, "unanswered") : text);
    }

    /** Answers a photo through the vision model; false when there is no image or the model failed. */
    boolean photo(Turn turn) {
        if (vision == null) {
            return false;
        }
        Optional<WhatsAppMessages.MediaFile> file = media(turn);
        if (file.isEmpty()) {
            return false;
        }
        String caption = turn.text == null || turn.text.isBlank() ? null : turn.text;
        String instructions = photoPrompt.replace("{clinic}", turn.tenant.name())
                .replace("{caption}", caption == null ? "" : " with the words: \"" + caption + "\"")
                .replace("{language}", languageName(turn.language))
                .replace("{style_guide}", knowledge.styleGuide(turn.tenantId()).orElse("(none)"));
        try {
            ChatResult result = vision.describe(new VisionRequest(model(turn.tenant), instructions,
                    file.get().content(), file.get().mimeType(), caption, MAX_TOKENS));
            turn.promptTokens += result.usage().promptTokens();
            turn.completionTokens += result.usage().completionTokens();
            turn.engine = "openai";
            turn.intent = "photo";
            turn.say(result.text().strip());
            return true;
        } catch (AiCallFailed e) {
            return failed(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return failed("unexpected", e.getClass().getSimpleName());
        }
    }

    /** The words of a voice note; empty when there is no audio or transcription failed. */
    Optional<String> transcribe(Turn turn) {
        if (transcription == null) {
            return Optional.empty();
        }
        Optional<WhatsAppMessages.MediaFile> file = media(turn);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String hint = properties.transcriptionLanguageHint() && turn.state.language != null
                    ? turn.state.language.code()
                    : null;
            Transcription.Transcript transcript = transcription.transcribe(file.get().content(),
                    file.get().mimeType(), hint);
            turn.intent = "voice_note";
            return Optional.of(transcript.text());
        } catch (AiCallFailed e) {
            failed(e.reason(), e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            failed("unexpected", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<WhatsAppMessages.MediaFile> media(Turn turn) {
        try {
            return whatsapp.media(turn.tenantId(), turn.messageId).filter(f -> f.content() != null
                    && f.content().length > 0);
        } catch (RuntimeException e) {
            log.warn("Media of a message of tenant {} unavailable ({})", turn.tenantId().value(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private boolean failed(String reason, String message) {
        log.warn("The model gave no answer ({}: {}); the offline assistant answers", reason, message);
        meters.counter("zorah.assistant.model.fallbacks", "reason", reason).increment();
        return false;
    }

    private String system(Turn turn) {
        ConversationState state = turn.state;
        Tenant tenant = turn.tenant;
        StringBuilder customer = new StringBuilder();
        customer.append(state.customerName != null ? "name " + state.customerName : "name unknown");
        customer.append(", gender ").append(state.gender != null ? state.gender.value() : "unknown");
        customer.append(", writes in ").append(languageName(turn.language));
        if (turn.phone() != null) {
            customer.append(", on WhatsApp from ").append(turn.phone());
        }
        String booking = state.flow == null
                ? "none"
                : state.flow.name().toLowerCase() + (state.serviceName != null
                        ? ", service " + state.serviceName
                        : state.serviceId != null ? ", service id " + state.serviceId : "")
                        + (state.day != null ? ", day " + state.day : "");
        return systemPrompt.replace("{clinic}", tenant.name())
                .replace("{today}", LocalDate.now(clock.withZone(tenant.timezone())).toString())
                .replace("{timezone}", tenant.timezone().getId())
                .replace("{language}", languageName(turn.language))
                .replace("{customer}", customer)
                .replace("{booking}", booking)
                .replace("{style_guide}", knowledge.styleGuide(turn.tenantId()).orElse("(none)"));
    }

    /** The conversation's earlier messages, oldest first, without the one being answered. */
    private List<ToolChatMessage> history(Turn turn) {
        if (properties.recentMessages() == 0) {
            return List.of();
        }
        List<ToolChatMessage> history = new ArrayList<>();
        for (ChatMessage m : whatsapp.recentMessages(turn.tenantId(), turn.conversationId,
                properties.recentMessages() + 1)) {
            if (m.id().equals(turn.messageId) || m.message() == null) {
                continue;
            }
            String text = m.message().text();
            if (text == null || text.isBlank()) {
                if (m.message().type() == MessageType.IMAGE) {
                    text = "[photo]";
                } else if (m.message().type() == MessageType.AUDIO) {
                    text = "[voice note]";
                } else if (m.message().reply() != null && m.message().reply().title() != null) {
                    text = m.message().reply().title();
                } else {
                    continue;
                }
            }
            history.add("inbound".equals(m.direction()) ? ToolChatMessage.user(text) : ToolChatMessage.assistant(text));
        }
        int from = Math.max(0, history.size() - properties.recentMessages());
        return history.subList(from, history.size());
    }

    private String model(Tenant tenant) {
        return tenant.ai() != null && tenant.ai().model() != null && !tenant.ai().model().isBlank()
                ? tenant.ai().model()
                : properties.defaultModel();
    }

    private static String languageName(Language language) {
        return Map.of(Language.EN, "English", Language.FR, "French", Language.AR, "Arabic").get(language);
    }

    private static String resource(String name) {
        try (InputStream in = ModelAssistant.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
