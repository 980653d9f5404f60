package com.maxmysales.chatbot;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.platform.outbound.OutboundHttp;
import com.maxmysales.platform.outbound.OutboundRequest;
import com.maxmysales.platform.outbound.RequestBody;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional LLM, an external processor (P3): it gets the customer's question redacted ({@link Redaction}) with
 * the FAQ entries that match it as context, never anything of a minor or of someone who opted out; its answer comes
 * back with the placeholders filled in. Any failure or a timeout is an empty answer: the bot falls back to the FAQ.
 */
@Component
class LlmAnswers {

    private static final Logger log = LoggerFactory.getLogger(LlmAnswers.class);
    static final Duration TIMEOUT = Duration.ofSeconds(8);
    static final long MAX_RESPONSE = 256 * 1024;
    static final String SYSTEM = """
            You answer a business's customers on WhatsApp, briefly and politely, in the language they wrote in. \
            Use only the FAQ entries given; if they do not answer the question, say that a person from the team will \
            help. Placeholders such as [NAME_1], [PHONE_1], [EMAIL_1], [ADDRESS_1] stand for the customer's details: \
            keep them exactly as written where you need them, and never invent details.""";

    private final SettingsStore settings;
    private final OutboundHttp http;
    private final SensitiveDataMasking masking;
    private final ConsentLedger consent;
    private final JsonMapper json;
    private final LlmEndpointRule endpointRule;

    LlmAnswers(SettingsStore settings, OutboundHttp http, SensitiveDataMasking masking, ConsentLedger consent,
            JsonMapper json, LlmEndpointRule endpointRule) {
        this.settings = settings;
        this.http = http;
        this.masking = masking;
        this.consent = consent;
        this.json = json;
        this.endpointRule = endpointRule;
    }

    /** A contact whose words never leave: marked a minor (tag or attribute), or opted out. */
    boolean mayProcess(WorkspaceId workspace, Contact contact) {
        return !com.maxmysales.contacts.Minors.isMinor(contact) && consent.optedOut(workspace, List.of(contact.id())).isEmpty();
    }

    /** @param faq the FAQ entries that match, as context (question and answer) */
    Optional<String> answer(WorkspaceId workspace, Contact contact, String question, List<Understanding.Answer> faq) {
        var llm = settings.llm(workspace);
        if (!llm.usable() || !mayProcess(workspace, contact)) {
            return Optional.empty();
        }
        if (!endpointRule.allows(llm.baseUrl())) {
            log.warn("The LLM endpoint of workspace {} is plain http to a host the operator did not open: falling back"
                    + " to the FAQ", workspace);
            return Optional.empty();
        }
        var redaction = new Redaction();
        var redacted = redaction.redact(masking.mask(question).text(),
                java.util.Arrays.asList(contact.name(), contact.whatsAppName()));
        var context = new StringBuilder("FAQ entries:\n");
        faq.forEach(entry -> context.append("Q: ").append(entry.question()).append("\nA: ").append(entry.answer()).append('\n'));
        var messages = new ArrayList<Map<String, String>>();
        messages.add(Map.of("role", "system", "content", SYSTEM + "\n\n" + context));
        messages.add(Map.of("role", "user", "content", redacted));
        var body = json.writeValueAsBytes(Map.of("model", llm.model(), "messages", messages, "temperature", 0.2));
        var url = llm.baseUrl().replaceAll("/+$", "") + "/chat/completions";
        var request = OutboundRequest.post(URI.create(url), RequestBody.json(body), TIMEOUT).deadline(TIMEOUT);
        var key = settings.llmApiKey(workspace);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key).header("api-key", key);
        }
        try (var response = http.send(request)) {
            if (response.status() / 100 != 2) {
                log.warn("The LLM answered {}: falling back to the FAQ", response.status());
                return Optional.empty();
            }
            var content = json.readTree(response.bytes(MAX_RESPONSE)).path("choices").path(0).path("message")
                    .path("content").asString("").strip();
            return content.isEmpty() ? Optional.empty() : Optional.of(redaction.restore(content));
        } catch (IOException | RuntimeException failed) {
            log.warn("The LLM did not answer ({}): falling back to the FAQ", failed.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static String host(String baseUrl) {
        try {
            var host = URI.create(baseUrl).getHost();
            return host == null ? baseUrl : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return baseUrl;
        }
    }
}
