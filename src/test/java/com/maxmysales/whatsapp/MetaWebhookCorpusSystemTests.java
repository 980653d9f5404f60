package com.maxmysales.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.maxmysales.support.AgainstFakeMeta;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every webhook body of the recorded corpus ({@code ../shared/datasets/meta-webhooks}, read where it lies: it is
 * never copied into this repository) replayed against the platform as Meta or Google would post it, and what each
 * carries read back through the public API: a message with its type, text and media, a status applied to the
 * message it names, a lead listed, and what Meta says about a number or its account on that number
 * ({@code GET /api/v1/channels/{id}}: its pace, tier and limit, its sending held or not, its name's review).
 *
 * <p>The corpus comes from other projects, with placeholders ({@code PHONE_NUMBER_ID}) and wamids shared between
 * files ({@code wamid.ID}), so each run gives every phone-number id a number of its own, connected to this run's
 * workspace as a real number (Meta, here {@link com.maxmysales.support.FakeMeta}, confirms it), and every message
 * id a suffix of its file. A status names a message the business sent: the test sends one first and points the
 * status at it. An edit or a revoke names the message it changes: the test lets the customer send that one first.
 */
class MetaWebhookCorpusSystemTests extends AgainstFakeMeta {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The customer the business writes to, so that the corpus's statuses have a message of ours to name. */
    private static final String RECIPIENT = "919811177001";

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    String run;
    final Map<String, String> numbers = new HashMap<>();
    final Map<String, String> channels = new HashMap<>();
    String waba;
    String token;
    final List<Effect> effects = new ArrayList<>();

    /** What one file carries, checked through the API once everything is posted. */
    record Effect(String file, String what, Function<Corpus, String> problem) {}

    /** The workspace's messages by wamid and its leads by external id, as the API shows them. */
    record Corpus(Map<String, JsonNode> messages, Map<String, JsonNode> leads, Http http, String apiKey) {}

    @Test
    void everyRecordedWebhookIsAnsweredAndWhatItCarriesIsVisibleThroughTheApi() throws IOException {
        var corpus = corpusDirectory();
        http = new Http(port);
        apiKey = http.createWorkspace("Corpus replay");
        run = UUID.randomUUID().toString().substring(0, 8);
        waba = newId();
        token = "EAAG-corpus-" + run;
        var index = JSON.readTree(Files.readAllBytes(corpus.resolve("index.json"))).get("fixtures");
        var answered = 0;
        var files = 0;
        var refused = new ArrayList<String>();
        for (var fixture : index) {
            files++;
            var file = fixture.get("file").asString();
            var body = JSON.readTree(Files.readAllBytes(corpus.resolve(file)));
            var status = "google".equals(fixture.get("kind").asString())
                    ? postLead(file, (ObjectNode) body, files)
                    : postWhatsApp(file, body, files);
            if (status == 200) {
                answered++;
            } else {
                refused.add(file + " → " + status);
            }
        }

        var missing = awaitEffects();
        System.out.printf("Corpus replay: %d files, %d answered 200, %d effects checked, %d effects missing%n",
                files, answered, effects.size(), missing.size());
        missing.forEach(line -> System.out.println("  missing: " + line));
        assertThat(files).as("the corpus's index").isGreaterThanOrEqualTo(139);
        assertThat(refused).as("every file answered 200").isEmpty();
        assertThat(effects.size()).as("files carrying a message, a status or a lead").isGreaterThanOrEqualTo(100);
        assertThat(missing).as("effects missing").isEmpty();
        assertThat(signalFiles).as("files carrying an account or number signal, each checked").hasSizeGreaterThanOrEqualTo(23);
    }

    private int postWhatsApp(String file, JsonNode body, int fileNumber) {
        var changeNumber = 0;
        for (var change : changes(body)) {
            changeNumber++;
            var value = (ObjectNode) change.get("value");
            if (value == null) {
                continue;
            }
            if (value.path("metadata").isObject()) {
                var metadata = (ObjectNode) value.get("metadata");
                var original = metadata.path("phone_number_id").asString(null);
                if (original != null) {
                    metadata.put("phone_number_id", connected(original));
                }
            }
            if (!"messages".equals(change.path("field").asString(null))) {
                continue;
            }
            // Every message id of a change, and every reference to one, gets the change's own suffix: wamid.ID is
            // in many files, and twice in one.
            var ids = new java.util.HashSet<String>();
            value.path("messages").forEach(message -> collectIds(message, ids));
            rewrite(value, ids, "." + run + "-" + fileNumber + "-" + changeNumber);
            for (var status : value.path("statuses")) {
                ((ObjectNode) status).put("id", sentMessageWamid(file));
            }
        }
        for (var change : changes(body)) {
            if (!"messages".equals(change.path("field").asString(null))) {
                continue;
            }
            var value = change.get("value");
            for (var message : value.path("messages")) {
                expectMessage(file, value, message);
                expectWhatsAppName(file, value, message);
                expectNumberChange(file, message);
            }
            for (var status : value.path("statuses")) {
                expectStatus(file, status);
            }
        }
        expectTemplatesEchoesAndCalls(file, body, fileNumber);
        expectAccountSignals(file, body);
        return MetaWebhooks.post(http, JSON.writeValueAsString(body)).status();
    }

    /**
     * Template updates (named by the account: this run's), messages the business sent from the WhatsApp Business app
     * and calls (ids made this run's, as messages' are), and answers to call-permission requests.
     */
    private void expectTemplatesEchoesAndCalls(String file, JsonNode body, int fileNumber) {
        for (var entry : body.path("entry")) {
            for (var change : entry.path("changes")) {
                var field = change.path("field").asString("");
                var value = change.path("value");
                switch (field) {
                    case "message_template_status_update", "message_template_quality_update", "template_category_update" -> {
                        connected("corpus-templates");
                        ((ObjectNode) entry).put("id", waba);
                        expectTemplate(file, field, value);
                    }
                    case "smb_message_echoes" -> {
                        var ids = new java.util.HashSet<String>();
                        value.path("message_echoes").forEach(echo -> collectIds(echo, ids));
                        rewrite(value, ids, "." + run + "-" + fileNumber);
                        value.path("message_echoes").forEach(echo -> expectEcho(file, value, echo));
                    }
                    case "calls" -> {
                        var ids = new java.util.HashSet<String>();
                        value.path("calls").forEach(call -> ids.add(call.path("id").asString()));
                        value.path("statuses").forEach(status -> ids.add(status.path("id").asString()));
                        rewrite(value, ids, "." + run + "-" + fileNumber);
                        value.path("calls").forEach(call -> expectCall(file, call.path("id").asString(),
                                callStatus(call), call.path("duration").asInt(-1)));
                        value.path("statuses").forEach(status -> expectCall(file, status.path("id").asString(),
                                status.path("status").asString().toLowerCase(java.util.Locale.ROOT), -1));
                    }
                    case "messages" -> value.path("messages").forEach(message -> {
                        var reply = message.path("interactive").path("call_permission_reply");
                        if (reply.isObject()) {
                            var wamid = message.path("id").asString();
                            var expected = "Call permission " + reply.path("response").asString() + "ed";
                            effects.add(new Effect(file, "call permission answer " + wamid, corpus -> {
                                var shown = corpus.messages().get(wamid);
                                return shown == null ? "not stored" : expected.equals(shown.path("text").asString(null))
                                        ? null : "text " + shown.path("text") + ", expected " + expected;
                            }));
                        }
                    });
                    default -> {
                    }
                }
            }
        }
    }

    /** What Meta says about a number or its account: the fields of {@code GET /api/v1/channels/{id}} it sets. */
    private static final Set<String> SIGNALS = Set.of("account_update", "account_review_update",
            "phone_number_quality_update", "phone_number_name_update");
    /** The pace a signal's number is connected at, so that a lower tier or a flag visibly brings it down. */
    private static final int SIGNAL_NUMBER_PACE = 1000;

    /** A number connected for one file's signal, in a WhatsApp Business Account of its own. */
    record SignalNumber(String waba, String digits, String channelId) {}

    /** The files whose account or number signal is checked. */
    final Set<String> signalFiles = new java.util.LinkedHashSet<>();

    /**
     * A signal acts on the numbers of the account it names (a ban or a restriction on all of them), and this run's
     * account also sends: so every file's signal names an account and a number of its own (its entry id, or the
     * {@code waba_info} a partner's event names the account by; its display number), and no later file can undo
     * what it did before it is read. A recorded restriction's expiry is long past, or a placeholder: it is moved to
     * a day after the replay. A reinstatement or a reconnection finds its number held first, by the ban or the
     * deletion it ends. Every account event, even one that holds nothing (a partner added, a pricing tier...), is
     * kept and shown as the number's {@code accountEvent}.
     */
    private void expectAccountSignals(String file, JsonNode body) {
        for (var entry : body.path("entry")) {
            for (var change : entry.path("changes")) {
                var field = change.path("field").asString("");
                if (!SIGNALS.contains(field) || !(change.get("value") instanceof ObjectNode value)) {
                    continue;
                }
                var number = signalNumber();
                if (value.path("waba_info").path("waba_id").isString()) {
                    ((ObjectNode) value.get("waba_info")).put("waba_id", number.waba());
                } else {
                    ((ObjectNode) entry).put("id", number.waba());
                }
                for (var named : List.of("display_phone_number", "phone_number")) {
                    if (value.has(named)) {
                        value.put(named, number.digits());
                    }
                }
                var until = java.time.Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
                value.path("restriction_info").forEach(restriction -> ((ObjectNode) restriction).put("expiration", until));
                var event = value.path("event").asString("");
                var banState = value.path("ban_info").path("waba_ban_state").asString("");
                if ("account_update".equals(field) && "DISABLED_UPDATE".equals(event) && "REINSTATE".equals(banState)) {
                    heldFirst(number, """
                            {"event": "DISABLED_UPDATE", "ban_info": {"waba_ban_state": "DISABLE"}}""");
                } else if ("account_update".equals(field) && "ACCOUNT_RECONNECTED".equals(event)) {
                    heldFirst(number, "{\"event\": \"ACCOUNT_DELETED\"}");
                }
                var shown = new LinkedHashMap<String, String>();
                var containing = new LinkedHashMap<String, String>();
                expectedStanding(field, value, until, shown, containing);
                signalFiles.add(file);
                effects.add(new Effect(file, field + " " + event + " on " + number.digits(), corpus -> {
                    var channel = corpus.http().get("/api/v1/channels/" + number.channelId(), corpus.apiKey()).json();
                    for (var part : shown.entrySet()) {
                        var actual = text(channel.path(part.getKey()));
                        var same = part.getKey().endsWith("Until") && actual != null && part.getValue() != null
                                ? java.time.Instant.parse(actual).equals(java.time.Instant.parse(part.getValue()))
                                : java.util.Objects.equals(part.getValue(), actual);
                        if (!same) {
                            return part.getKey() + " " + actual + ", expected " + part.getValue();
                        }
                    }
                    for (var part : containing.entrySet()) {
                        var actual = text(channel.path(part.getKey()));
                        if (actual == null || !actual.contains(part.getValue())) {
                            return part.getKey() + " " + actual + ", expected it to say " + part.getValue();
                        }
                    }
                    return null;
                }));
            }
        }
    }

    /**
     * What the number shows once Meta's signal is applied, worked out from Meta's documented meaning of each field
     * (docs/sending.md "What Meta says about a number"), not by the platform's code.
     */
    private static void expectedStanding(String field, JsonNode value, long until, Map<String, String> shown,
            Map<String, String> containing) {
        switch (field) {
            case "phone_number_quality_update" -> {
                var event = value.path("event").asString(null);
                var tier = value.path("max_daily_conversations_per_business").asString(value.path("current_limit").asString(null));
                var flagged = "FLAGGED".equals(event);
                var belowUnlimited = tier != null && !"TIER_UNLIMITED".equals(tier);
                shown.put("qualityEvent", event);
                shown.put("qualityFlagged", String.valueOf(flagged));
                shown.put("messagingLimitTier", tier);
                shown.put("dailyRecipientLimit", belowUnlimited ? dailyLimit(tier) : null);
                shown.put("messagesPerSecond", String.valueOf(flagged || belowUnlimited ? 80 : SIGNAL_NUMBER_PACE));
                shown.put("sending", "active");
            }
            case "phone_number_name_update" -> {
                shown.put("verifiedName", value.path("requested_verified_name").asString(null));
                shown.put("nameStatus", value.path("decision").asString(null));
                shown.put("nameRejectionReason", text(value.path("rejection_reason")));
            }
            case "account_review_update" -> {
                shown.put("accountEvent", "ACCOUNT_REVIEW");
                shown.put("sending", "active");
                containing.put("accountDetail", value.path("decision").asString());
            }
            default -> {
                var event = value.path("event").asString();
                shown.put("accountEvent", event);
                var types = new java.util.HashSet<String>();
                value.path("restriction_info").forEach(restriction -> types.add(restriction.path("restriction_type").asString()));
                var banState = value.path("ban_info").path("waba_ban_state").asString("");
                if ("DISABLED_UPDATE".equals(event) && "DISABLE".equals(banState)) {
                    shown.put("sending", "paused");
                    containing.put("pausedReason", "banned");
                } else if ("ACCOUNT_DELETED".equals(event)) {
                    shown.put("sending", "paused");
                    containing.put("pausedReason", "deleted");
                } else if ("ACCOUNT_RESTRICTION".equals(event) && types.contains("RESTRICTED_CUSTOMER_INITIATED_MESSAGING")) {
                    shown.put("sending", "paused");
                    shown.put("pausedUntil", java.time.Instant.ofEpochSecond(until).toString());
                } else if ("ACCOUNT_RESTRICTION".equals(event) && types.contains("RESTRICTED_BIZ_INITIATED_MESSAGING")) {
                    shown.put("sending", "replies-only");
                    shown.put("pausedUntil", java.time.Instant.ofEpochSecond(until).toString());
                } else {
                    // A scheduled disabling, a reinstatement, a violation, a partner's or a pricing event: nothing held.
                    shown.put("sending", "active");
                }
                for (var said : List.of(value.path("ban_info").path("waba_ban_date"),
                        value.path("violation_info").path("violation_type"), value.path("decision"), value.path("reason"),
                        value.path("status"))) {
                    if (said.isString() && !said.asString().isBlank()) {
                        containing.put("accountDetail", said.asString());
                    }
                }
            }
        }
    }

    /** Meta's tier names its daily limit of unique customers: TIER_250, TIER_2K, TIER_100K. */
    private static String dailyLimit(String tier) {
        var limit = tier.replace("TIER_", "");
        return limit.endsWith("K") ? String.valueOf(Integer.parseInt(limit.replace("K", "")) * 1000) : limit;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** A number of its own in an account of its own, connected once Meta confirms it. */
    private SignalNumber signalNumber() {
        var waba = newId();
        var number = newId();
        var digits = "9196" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        META.grantNumber(token, number, waba);
        var connected = http.post("/api/v1/channels", apiKey, """
                {"phoneNumberId": "%s", "wabaId": "%s", "displayPhoneNumber": "+%s", "accessToken": "%s", "messagesPerSecond": %d}"""
                .formatted(number, waba, digits, token, SIGNAL_NUMBER_PACE));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        return new SignalNumber(waba, digits, connected.json().get("id").asString());
    }

    /** The ban or deletion a recorded reinstatement or reconnection ends, applied to its number first. */
    private void heldFirst(SignalNumber number, String accountUpdate) {
        assertThat(MetaWebhooks.post(http, """
                {"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": %d,
                  "changes": [{"field": "account_update", "value": %s}]}]}"""
                .formatted(number.waba(), System.currentTimeMillis() / 1000, accountUpdate)).status()).isEqualTo(200);
        Eventually.await(() -> "paused".equals(
                http.get("/api/v1/channels/" + number.channelId(), apiKey).json().path("sending").asString()));
    }

    private void expectTemplate(String file, String field, JsonNode value) {
        var name = value.path("message_template_name").asString();
        var language = value.path("message_template_language").asString();
        var expected = switch (field) {
            case "message_template_quality_update" -> Map.of("quality", value.path("new_quality_score").asString());
            case "template_category_update" -> Map.of("category", value.path("new_category").asString());
            default -> Map.of("status", value.path("event").asString());
        };
        effects.add(new Effect(file, field + " of " + name + " (" + language + ")", corpus -> {
            JsonNode shown = null;
            for (var template : corpus.http().get("/api/v1/templates?limit=500", corpus.apiKey()).json().path("items")) {
                if (name.equals(template.path("name").asString()) && language.equals(template.path("language").asString())) {
                    shown = template;
                }
            }
            if (shown == null) {
                return "not listed";
            }
            for (var part : expected.entrySet()) {
                if (!part.getValue().equals(shown.path(part.getKey()).asString(null))) {
                    return part.getKey() + " " + shown.path(part.getKey()) + ", expected " + part.getValue();
                }
            }
            return null;
        }));
    }

    /** A message the business sent from the app: outbound, marked so; its edit or deletion applied to it. */
    private void expectEcho(String file, JsonNode value, JsonNode echo) {
        var type = echo.path("type").asString();
        var wamid = echo.path("id").asString();
        if ("edit".equals(type) || "revoke".equals(type)) {
            var original = echo.path(type).path("original_message_id").asString();
            businessAppSent(value, original, echo.path("timestamp").asLong() - 60);
            var edited = "edit".equals(type) ? readable("text", echo.path("edit").path("message").path("text")) : null;
            effects.add(new Effect(file, "business app " + type + " of " + original, corpus -> {
                var shown = corpus.messages().get(original);
                if (shown == null) {
                    return "the original is not there";
                }
                if ("revoke".equals(type)) {
                    return shown.path("revoked").asBoolean(false) ? null : "still shown: " + shown;
                }
                return java.util.Objects.equals(edited, shown.path("text").asString(null)) ? null
                        : "text " + shown.path("text") + ", expected " + edited;
            }));
            return;
        }
        var expectedText = readable(type, echo.path(type));
        effects.add(new Effect(file, "business app " + type + " " + wamid, corpus -> {
            var shown = corpus.messages().get(wamid);
            if (shown == null) {
                return "not stored";
            }
            if (!"outbound".equals(shown.path("direction").asString()) || !"business_app".equals(shown.path("sentFrom").asString(null))) {
                return "not shown as sent from the business app: " + shown;
            }
            return expectedText == null || expectedText.equals(shown.path("text").asString(null)) ? null
                    : "text " + shown.path("text") + ", expected " + expectedText;
        }));
    }

    /** The message an echoed edit or deletion names, sent from the app first under that wamid. */
    private void businessAppSent(JsonNode value, String wamid, long timestamp) {
        var number = value.path("metadata").path("phone_number_id").asString();
        var to = value.path("contacts").path(0).path("wa_id").asString();
        var echo = """
                { "object": "whatsapp_business_account", "entry": [ { "id": "%s", "changes": [ {
                  "field": "smb_message_echoes", "value": { "messaging_product": "whatsapp",
                  "metadata": { "display_phone_number": "919800000001", "phone_number_id": "%s" },
                  "contacts": %s,
                  "message_echoes": [ {"from": "919800000001", "to": "%s", "id": "%s", "timestamp": "%d", "type": "text",
                                       "text": {"body": "Before"}} ] } } ] } ] }"""
                .formatted(waba, number, JSON.writeValueAsString(value.path("contacts")), to, wamid, timestamp);
        assertThat(MetaWebhooks.post(http, echo).status()).isEqualTo(200);
        Eventually.await(() -> read().messages().containsKey(wamid));
    }

    /** What a call's event says of its status, from Meta's documented shapes. */
    private static String callStatus(JsonNode call) {
        var status = call.path("status").asString(null);
        if (status != null) {
            return status.toLowerCase(java.util.Locale.ROOT);
        }
        if (!"connect".equals(call.path("event").asString())) {
            return "ended";
        }
        return "USER_INITIATED".equals(call.path("direction").asString()) ? "ringing" : "accepted";
    }

    private void expectCall(String file, String callId, String status, int duration) {
        effects.add(new Effect(file, "call " + callId, corpus -> {
            var shown = corpus.messages().get(callId);
            if (shown == null) {
                return "no entry in the conversation";
            }
            var content = shown.path("content");
            if (!"call".equals(shown.path("type").asString()) || !status.equals(content.path("status").asString(null))) {
                return "shown as " + shown.path("type") + " " + content + ", expected a call " + status;
            }
            return duration < 0 || duration == content.path("durationSeconds").asInt(-1) ? null
                    : "duration " + content.path("durationSeconds") + ", expected " + duration;
        }));
    }

    private int postLead(String file, ObjectNode body, int fileNumber) {
        var source = leadSource();
        body.put("google_key", source.get("key").asString());
        var leadId = body.path("lead_id").asString("lead") + "." + run + "-" + fileNumber;
        body.put("lead_id", leadId);
        effects.add(new Effect(file, "lead " + leadId, corpus -> corpus.leads().containsKey(leadId) ? null : "not listed"));
        return http.post("/webhooks/leads/google?source=" + source.get("id").asString(), null,
                JSON.writeValueAsString(body)).status();
    }

    private JsonNode leadSource;

    private JsonNode leadSource() {
        if (leadSource == null) {
            var created = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\", \"name\": \"Corpus\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            leadSource = created.json();
        }
        return leadSource;
    }

    private void expectMessage(String file, JsonNode value, JsonNode message) {
        var wamid = message.path("id").asString();
        var type = message.path("type").asString("unsupported");
        var content = message.path(type);
        if ("edit".equals(type) || "revoke".equals(type)) {
            var original = content.path("original_message_id").asString();
            customerWrites(value, message, original);
            var edited = "edit".equals(type) ? readable(content.path("message").path("type").asString(),
                    content.path("message").path(content.path("message").path("type").asString())) : null;
            effects.add(new Effect(file, type + " of " + original, corpus -> {
                var shown = corpus.messages().get(original);
                if (shown == null) {
                    return "the original is not there";
                }
                if ("revoke".equals(type)) {
                    return shown.path("revoked").asBoolean(false) && shown.path("text").asString(null) == null ? null
                            : "still shown: " + shown;
                }
                return java.util.Objects.equals(edited, shown.path("text").asString(null)) ? null
                        : "text " + shown.path("text") + ", expected " + edited;
            }));
            return;
        }
        var expectedText = readable(type, content);
        var mediaId = content.path("id").asString(null);
        effects.add(new Effect(file, type + " " + wamid, corpus -> {
            var shown = corpus.messages().get(wamid);
            if (shown == null) {
                return "not stored";
            }
            var problems = new ArrayList<String>();
            if (!type.equals(shown.path("type").asString())) {
                problems.add("type " + shown.path("type").asString() + ", expected " + type);
            }
            if (expectedText != null && !expectedText.equals(shown.path("text").asString(null))) {
                problems.add("text " + shown.path("text") + ", expected " + expectedText);
            }
            if (Set.of("image", "video", "audio", "document", "sticker").contains(type) && mediaId != null
                    && !mediaId.equals(shown.path("content").path("id").asString(null))) {
                problems.add("media " + shown.path("content").path("id") + ", expected " + mediaId);
            }
            var error = message.path("errors").path(0).path("code");
            if (!error.isMissingNode() && error.asInt() != shown.path("errorCode").asInt()) {
                problems.add("error " + shown.path("errorCode") + ", expected " + error.asInt());
            }
            var context = message.path("context");
            if (context.path("forwarded").asBoolean(false) && !shown.path("forwarded").asBoolean(false)) {
                problems.add("not marked forwarded");
            }
            if (context.path("frequently_forwarded").asBoolean(false)
                    && !shown.path("frequentlyForwarded").asBoolean(false)) {
                problems.add("not marked frequently forwarded");
            }
            var ad = message.path("referral").path("source_id");
            if (!ad.isMissingNode() && !ad.asString().equals(shown.path("referral").path("source_id").asString(null))) {
                problems.add("referral " + shown.path("referral") + ", expected the ad " + ad.asString());
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }));
    }

    private void expectStatus(String file, JsonNode status) {
        var wamid = status.path("id").asString();
        var expected = status.path("status").asString();
        var error = status.path("errors").path(0).path("code");
        var pricing = status.path("pricing").path("category").asString(null);
        var origin = status.path("conversation").path("origin").path("type").asString(null);
        effects.add(new Effect(file, expected + " status of " + wamid, corpus -> {
            var ours = corpus.messages().get(wamid);
            if (ours == null) {
                return "the message sent is not there";
            }
            var shown = corpus.http().get("/api/v1/messages/" + ours.path("id").asString(), corpus.apiKey()).json();
            if (!expected.equals(shown.path("status").asString())) {
                return "status " + shown.path("status").asString() + ", expected " + expected;
            }
            if (!error.isMissingNode() && error.asInt() != shown.path("errorCode").asInt()) {
                return "error " + shown.path("errorCode") + ", expected " + error.asInt();
            }
            if (pricing != null && !pricing.equals(shown.path("pricing").path("category").asString(null))) {
                return "pricing " + shown.path("pricing") + ", expected the category " + pricing;
            }
            if (origin != null && !origin.equals(shown.path("pricing").path("conversationCategory").asString(null))) {
                return "pricing " + shown.path("pricing") + ", expected the conversation's category " + origin;
            }
            return null;
        }));
    }

    /** Every profile name the corpus gives each sender (by wa_id, else user id). */
    private final Map<String, Set<String>> profileNames = new HashMap<>();

    /**
     * A message whose sender has a profile name: the contact it was stored under shows a WhatsApp name, one this
     * sender used (a sender who wrote under several names in several files shows the latest; the files' order and
     * timestamps are theirs, so any of them is accepted here; WhatsAppIdentitySystemTests checks which).
     */
    private void expectWhatsAppName(String file, JsonNode value, JsonNode message) {
        var from = message.path("from").asString(null);
        JsonNode sender = null;
        for (var contact : value.path("contacts")) {
            if (sender == null || from != null && from.equals(contact.path("wa_id").asString(null))) {
                sender = contact;
            }
        }
        var name = sender == null ? null : emptyToNull(sender.path("profile").path("name").asString(null));
        if (name == null || name.isBlank()) {
            return;
        }
        var key = sender.path("wa_id").asString(sender.path("user_id").asString(""));
        var names = profileNames.computeIfAbsent(key, unused -> new java.util.HashSet<>());
        names.add(name.strip());
        // An edit or a revoke is applied to the message it names, which is what is stored.
        var type = message.path("type").asString("");
        var wamid = "edit".equals(type) || "revoke".equals(type)
                ? message.path(type).path("original_message_id").asString() : message.path("id").asString();
        effects.add(new Effect(file, "WhatsApp name of " + wamid, corpus -> {
            var contact = contactOf(corpus, wamid);
            if (contact == null) {
                return "no contact for the message";
            }
            var shown = contact.path("whatsAppName").asString(null);
            return names.contains(shown) ? null : "whatsAppName " + shown + ", expected one of " + names;
        }));
    }

    /** A {@code user_changed_number} system message: the contact it was stored under has the new number now. */
    private void expectNumberChange(String file, JsonNode message) {
        var system = message.path("system");
        if (!"user_changed_number".equals(system.path("type").asString(null)) || system.path("wa_id").isMissingNode()) {
            return;
        }
        var wamid = message.path("id").asString();
        var newWaId = system.path("wa_id").asString();
        effects.add(new Effect(file, "number change of " + wamid, corpus -> {
            var contact = contactOf(corpus, wamid);
            if (contact == null) {
                return "no contact for the message";
            }
            return newWaId.equals(contact.path("whatsAppId").asString(null)) ? null
                    : "whatsAppId " + contact.path("whatsAppId") + ", expected the new " + newWaId;
        }));
    }

    private Corpus contactsReadFor;
    private final Map<String, String> contactOfConversation = new HashMap<>();
    private final Map<String, JsonNode> contactById = new HashMap<>();

    /** The contact a stored message's conversation belongs to, as the API shows it; read once per reading of the corpus. */
    private JsonNode contactOf(Corpus corpus, String wamid) {
        if (contactsReadFor != corpus) {
            contactsReadFor = corpus;
            contactOfConversation.clear();
            contactById.clear();
            pages("/api/v1/conversations?limit=100").forEach(conversation -> contactOfConversation.put(
                    conversation.path("id").asString(), conversation.path("contactId").asString()));
        }
        var message = corpus.messages().get(wamid);
        var contactId = message == null ? null : contactOfConversation.get(message.path("conversationId").asString());
        if (contactId == null) {
            return null;
        }
        return contactById.computeIfAbsent(contactId,
                id -> corpus.http().get("/api/v1/contacts/" + id, corpus.apiKey()).json());
    }

    /** What a person reads of a message, worked out here from Meta's documented shapes, not by the platform's code. */
    private static String readable(String type, JsonNode content) {
        return switch (type) {
            case "text" -> content.path("body").asString(null);
            case "image", "video", "document" -> first(content.path("caption").asString(null),
                    content.path("filename").asString(null));
            case "reaction" -> emptyToNull(content.path("emoji").asString(null));
            case "button" -> first(content.path("text").asString(null), content.path("payload").asString(null));
            case "interactive" -> {
                var reply = content.path(content.path("type").asString(""));
                yield first(reply.path("title").asString(null), reply.path("body").asString(null));
            }
            case "location" -> first(content.path("name").asString(null), content.path("address").asString(null));
            case "system" -> content.path("body").asString(null);
            default -> null;
        };
    }

    private static String first(String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private List<Effect> awaitEffectsMissing(Corpus corpus) {
        return effects.stream().filter(effect -> effect.problem().apply(corpus) != null).toList();
    }

    /** Waits until every effect is visible, or until nothing more shows up; returns what is still missing. */
    private List<String> awaitEffects() {
        var missing = new ArrayList<Effect>();
        try {
            Eventually.await(Duration.ofSeconds(60), () -> {
                missing.clear();
                missing.addAll(awaitEffectsMissing(read()));
                return missing.isEmpty();
            });
        } catch (AssertionError stillMissing) {
            // reported below, file by file
        }
        var corpus = read();
        return awaitEffectsMissing(corpus).stream()
                .map(effect -> effect.file() + ": " + effect.what() + ": " + effect.problem().apply(corpus)).toList();
    }

    private Corpus read() {
        var messages = new HashMap<String, JsonNode>();
        for (var conversation : pages("/api/v1/conversations?limit=100")) {
            for (var message : pages("/api/v1/conversations/" + conversation.path("id").asString() + "/messages?limit=500")) {
                messages.put(message.path("wamid").asString(), message);
            }
        }
        var leads = new LinkedHashMap<String, JsonNode>();
        pages("/api/v1/leads?limit=500").forEach(lead -> leads.put(lead.path("externalId").asString(), lead));
        return new Corpus(messages, leads, http, apiKey);
    }

    private List<JsonNode> pages(String path) {
        var items = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = http.get(path + (cursor == null ? "" : "&cursor=" + cursor), apiKey);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    /** This run's number for a phone-number id of the corpus, connected to the workspace once Meta confirms it. */
    private String connected(String corpusId) {
        return numbers.computeIfAbsent(corpusId, unused -> {
            var number = newId();
            META.grantNumber(token, number, waba);
            var connected = http.post("/api/v1/channels", apiKey, """
                    {"phoneNumberId": "%s", "wabaId": "%s", "displayPhoneNumber": "+91 98000 00001", "accessToken": "%s"}"""
                    .formatted(number, waba, token));
            assertThat(connected.status()).as(connected.body()).isEqualTo(201);
            channels.put(number, connected.json().get("id").asString());
            return number;
        });
    }

    /**
     * The wamid of a message the business sent (a reply: the customer wrote first, which opens the 24-hour window),
     * once Meta accepted it.
     */
    private boolean windowOpened;

    private String sentMessageWamid(String file) {
        var number = connected("corpus-outbound");
        if (!windowOpened) {
            assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(number, RECIPIENT, "Corpus customer", """
                    {"from": "%s", "id": "wamid.OPEN.%s", "timestamp": "%d", "type": "text", "text": {"body": "Hello"}}"""
                    .formatted(RECIPIENT, run, System.currentTimeMillis() / 1000))).status()).isEqualTo(200);
            windowOpened = true;
        }
        // Until the customer's message is applied the window is closed and the send refused (422, nothing stored):
        // a new Idempotency-Key for each try, or the first refusal would be replayed for every later one.
        var last = new String[1];
        var id = new String[1];
        var sent = new String[1];
        try {
            Eventually.await(() -> {
                var queued = http.post("/api/v1/messages", apiKey, """
                        {"to": "+%s", "type": "text", "text": "About %s", "channelId": "%s"}"""
                        .formatted(RECIPIENT, file, channels.get(number)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                last[0] = queued.body();
                id[0] = queued.status() == 202 ? queued.json().get("id").asString() : null;
                return id[0] != null;
            });
            Eventually.await(() -> {
                var message = http.get("/api/v1/messages/" + id[0], apiKey);
                last[0] = message.body();
                sent[0] = message.json().path("wamid").asString(null);
                return sent[0] != null && "sent".equals(message.json().path("status").asString());
            });
        } catch (AssertionError notSent) {
            throw new AssertionError("not sent: " + last[0], notSent);
        }
        return sent[0];
    }

    /** The customer's message an edit or revoke names, sent first under that wamid. */
    private void customerWrites(JsonNode value, JsonNode message, String wamid) {
        var from = value.path("contacts").path(0).path("wa_id").asString(message.path("from").asString());
        var number = value.path("metadata").path("phone_number_id").asString();
        // The same sender as the file's, identities and all.
        assertThat(MetaWebhooks.post(http, MetaWebhooks.envelope(number, """
                "contacts": %s,
                "messages": [ {"from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": {"body": "Before"}} ]"""
                .formatted(JSON.writeValueAsString(value.path("contacts")), from, wamid,
                        message.path("timestamp").asLong() - 60))).status()).isEqualTo(200);
        Eventually.await(() -> read().messages().containsKey(wamid));
    }

    private static void collectIds(JsonNode message, Set<String> ids) {
        ids.add(message.path("id").asString());
        ids.add(message.path("context").path("id").asString(null));
        ids.add(message.path("reaction").path("message_id").asString(null));
        ids.add(message.path("edit").path("original_message_id").asString(null));
        ids.add(message.path("revoke").path("original_message_id").asString(null));
        ids.remove(null);
    }

    private static void rewrite(JsonNode node, Set<String> ids, String suffix) {
        if (node instanceof ObjectNode object) {
            for (var name : List.copyOf(object.propertyNames())) {
                var child = object.get(name);
                if (child.isString() && ids.contains(child.asString())) {
                    object.set(name, StringNode.valueOf(child.asString() + suffix));
                } else {
                    rewrite(child, ids, suffix);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewrite(child, ids, suffix));
        }
    }

    private static List<JsonNode> changes(JsonNode body) {
        var changes = new ArrayList<JsonNode>();
        body.path("entry").forEach(entry -> entry.path("changes").forEach(changes::add));
        return changes;
    }

    private static String newId() {
        return "7" + ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L);
    }

    private static Path corpusDirectory() {
        // Resolved against the project directory, as CI checks the shared datasets out beside it.
        var project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        var corpus = project.resolve("../shared/datasets/meta-webhooks").normalize();
        if (!Files.isRegularFile(corpus.resolve("index.json"))) {
            throw new UncheckedIOException(new IOException("the recorded corpus is expected at " + corpus));
        }
        return corpus;
    }
}
