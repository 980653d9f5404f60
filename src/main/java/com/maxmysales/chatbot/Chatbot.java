package com.maxmysales.chatbot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.chatbot.Flow.Action;
import com.maxmysales.chatbot.Flow.Step;
import com.maxmysales.contacts.AttributeDefinitions;
import com.maxmysales.inbox.InboxHandOffs;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.message.Interactive;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chatbot as the business runs it: on or off, business hours and the away message, its flows (a draft the
 * editor changes, published to the bot), the test panel, and handing a conversation back to the bot.
 */
@Service
public class Chatbot {

    private final SettingsStore settings;
    private final FlowStore flows;
    private final SessionStore sessions;
    private final AttributeDefinitions attributes;
    private final InboxHandOffs inbox;
    private final Understanding understanding;
    private final EndpointCalls endpoints;
    private final LlmEndpointRule endpointRule;
    private final WorkspaceManagement workspaces;
    private final JsonMapper json;
    private final Clock clock;

    Chatbot(SettingsStore settings, FlowStore flows, SessionStore sessions, AttributeDefinitions attributes,
            InboxHandOffs inbox, Understanding understanding, EndpointCalls endpoints, LlmEndpointRule endpointRule,
            WorkspaceManagement workspaces, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.flows = flows;
        this.sessions = sessions;
        this.attributes = attributes;
        this.inbox = inbox;
        this.understanding = understanding;
        this.endpoints = endpoints;
        this.endpointRule = endpointRule;
        this.workspaces = workspaces;
        this.json = json;
        this.clock = clock;
    }

    public BotSettings settings(WorkspaceId workspace) {
        return settings.of(workspace);
    }

    @Transactional
    public BotSettings enable(WorkspaceId workspace, boolean enabled) {
        var current = settings.of(workspace);
        var changed = new BotSettings(enabled, current.hours(), current.awayMessage(), current.useExampleFaq());
        settings.save(workspace, changed);
        return changed;
    }

    @Transactional
    public BotSettings configure(WorkspaceId workspace, BotSettings wanted) {
        if (wanted.awayMessage() != null && wanted.awayMessage().length() > BotSettings.MAX_AWAY_MESSAGE) {
            throw Refusal.invalid("invalid-away-message", "Away message too long",
                    "the away message is at most " + BotSettings.MAX_AWAY_MESSAGE + " characters");
        }
        if (wanted.hours() != null && wanted.hours().days().isEmpty()) {
            throw Refusal.invalid("invalid-business-hours", "No business days", "choose at least one day, or no hours at all");
        }
        var away = wanted.awayMessage() == null || wanted.awayMessage().isBlank() ? null : wanted.awayMessage().strip();
        var saved = new BotSettings(wanted.enabled(), wanted.hours(), away, wanted.useExampleFaq());
        settings.save(workspace, saved);
        return saved;
    }

    /** Whether a person is there now, by the business hours in the workspace's time zone. */
    public boolean openNow(WorkspaceId workspace) {
        var hours = settings.of(workspace).hours();
        return hours == null || hours.open(clock.instant(), workspaces.get(workspace).timeZone());
    }

    /** The secret that signs the flows' calls to the business's endpoint (made now when there is none). */
    @Transactional
    public String signingSecret(WorkspaceId workspace) {
        return endpoints.secret(workspace);
    }

    public boolean hasSigningSecret(WorkspaceId workspace) {
        return endpoints.hasSecret(workspace);
    }

    /** A new signing secret, in force at once. */
    @Transactional
    public String rotateSigningSecret(WorkspaceId workspace) {
        return endpoints.rotate(workspace);
    }

    public LlmSettings llm(WorkspaceId workspace) {
        return settings.llm(workspace);
    }

    /**
     * The optional LLM: an OpenAI-compatible base URL ({@link LlmEndpointRule}), a model, and an API key (null keeps
     * the stored one, blank removes it).
     */
    @Transactional
    public LlmSettings configureLlm(WorkspaceId workspace, boolean enabled, @Nullable String baseUrl,
            @Nullable String model, @Nullable String apiKey) {
        var url = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        var name = model == null || model.isBlank() ? null : model.strip();
        if (url != null) {
            endpointRule.check(url);
        }
        if (enabled && (url == null || name == null)) {
            throw Refusal.invalid("invalid-llm", "Incomplete LLM settings", "an enabled LLM needs baseUrl and model");
        }
        if (name != null && name.length() > 200 || apiKey != null && apiKey.length() > 1000) {
            throw Refusal.invalid("invalid-llm", "Invalid LLM settings", "model or apiKey too long");
        }
        var stored = settings.llm(workspace);
        if (apiKey == null && stored.hasApiKey() && !java.util.Objects.equals(url, stored.baseUrl())) {
            // The stored key was given for the stored endpoint: sent to another one, whoever changed the URL
            // (an admin, say) would receive the owner's key without ever having seen it.
            throw Refusal.invalid("invalid-llm", "API key needed for a new endpoint",
                    "the stored API key stays with " + stored.baseUrl() + ": give apiKey again (or blank for none) to"
                            + " change baseUrl");
        }
        settings.saveLlm(workspace, enabled, url, name, apiKey);
        return settings.llm(workspace);
    }

    public List<StoredFlow> flows(WorkspaceId workspace) {
        return flows.list(workspace);
    }

    public StoredFlow flow(WorkspaceId workspace, UUID id) {
        return flows.find(workspace, id).orElseThrow(() -> Refusal.notFound("flow " + id));
    }

    /** The flow read from its draft, refused while it leads to a step not written yet (publishing, the test panel). */
    public Flow draft(WorkspaceId workspace, UUID id) {
        return read(flow(workspace, id).draft());
    }

    /** What the draft still leads to without the step written: publishing and the test panel wait for these. */
    public List<String> unwritten(WorkspaceId workspace, UUID id) {
        return readDraft(flow(workspace, id).draft()).unwritten();
    }

    /** A new flow from its JSON (the editor's new flow, or an import); refused with every problem listed. */
    @Transactional
    public StoredFlow create(WorkspaceId workspace, String definition) {
        var flow = readDraft(definition).flow();
        if (flows.count(workspace) >= FlowStore.MAX_FLOWS) {
            throw Refusal.conflict("too-many-flows", "Too many flows", "a workspace has at most " + FlowStore.MAX_FLOWS
                    + " flows; delete one first");
        }
        var id = UUID.randomUUID();
        flows.insert(workspace, id, flow.name(), canonical(definition));
        return flow(workspace, id);
    }

    /** Replaces the draft (the bot keeps running what was published). */
    @Transactional
    public StoredFlow saveDraft(WorkspaceId workspace, UUID id, String definition) {
        flow(workspace, id); // another workspace's flow is not found, whatever the body says
        var flow = readDraft(definition).flow();
        if (!flows.saveDraft(workspace, id, flow.name(), canonical(definition))) {
            throw Refusal.notFound("flow " + id);
        }
        return flow(workspace, id);
    }

    /** The bot runs the draft from now on; the attributes its questions save are defined on the contacts. */
    @Transactional
    public StoredFlow publish(WorkspaceId workspace, UUID id) {
        var checked = flow(workspace, id).draft();
        var flow = read(checked);
        var defined = attributes.all(workspace);
        var problems = new ArrayList<String>();
        var wanted = new HashMap<String, AttributeDefinitions.Type>();
        flow.steps().values().forEach(step -> {
            if (step instanceof Step.Question question) {
                var type = typeOf(question.validation());
                var existing = defined.get(question.attribute());
                if (existing != null && existing != type) {
                    problems.add("step " + question.id() + ": attribute " + question.attribute() + " is a "
                            + existing.name().toLowerCase(java.util.Locale.ROOT) + " attribute, not "
                            + type.name().toLowerCase(java.util.Locale.ROOT));
                }
                wanted.put(question.attribute(), type);
            }
        });
        if (!problems.isEmpty()) {
            throw invalidFlow(problems);
        }
        wanted.forEach((key, type) -> attributes.define(workspace, key, type));
        flows.publish(workspace, id, checked);
        return flow(workspace, id);
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        if (!flows.delete(workspace, id)) {
            throw Refusal.notFound("flow " + id);
        }
    }

    /** Whether the conversation is assigned to this member: the assigned agent may give it back. */
    public boolean assignedTo(WorkspaceId workspace, UUID conversation, UUID member) {
        return inbox.assignee(workspace, conversation).map(member::equals).orElse(false);
    }

    /**
     * The team gives a conversation back to the bot: unassigned, and the bot answers the customer's next message.
     */
    @Transactional
    public void handBack(WorkspaceId workspace, UUID conversation) {
        if (!inbox.handBack(workspace, conversation)) {
            throw Refusal.notFound("conversation " + conversation);
        }
        sessions.setState(workspace, conversation, SessionStore.State.BOT);
    }

    private static final int MAX_TEST_TEXT = 4_096;

    /** One message of the test panel to a flow's draft: runs it as the bot would, sends nothing, changes nothing. */
    public TestRun test(WorkspaceId workspace, UUID id, TestRun.State state, @Nullable String text,
            @Nullable String choiceId) {
        var flow = draft(workspace, id);
        if (text != null && text.length() > MAX_TEST_TEXT) {
            // As much as a customer can write in one WhatsApp message; the model's cost grows with the text.
            throw Refusal.invalid("invalid-text", "Text too long", "a test message is at most " + MAX_TEST_TEXT
                    + " characters");
        }
        var message = text == null ? "" : text;
        var embedded = understanding.embed(message);
        var intent = understanding.intent(workspace, embedded);
        var context = new FlowEngine.Context(new HashMap<>(state.attributes()), new HashSet<>(state.tags()),
                openNow(workspace), intent.name());
        Turn turn;
        if (understanding.handsOff(message, choiceId, intent)) {
            turn = Bot.handOffTurn();
        } else if (state.step() == null) {
            turn = FlowEngine.start(flow, context);
        } else {
            turn = FlowEngine.answer(flow, state.step(), state.retries(), new FlowEngine.Input(message, choiceId), context);
            if (!turn.understood()) {
                turn = understanding.faq(workspace, embedded, settings.of(workspace).useExampleFaq())
                        .map(answer -> new Turn(List.of(Text.of(answer.answer())), List.of(), null, 0, false, true))
                        .orElseGet(Bot::offerPerson);
            }
        }
        var attributesNow = new HashMap<>(state.attributes());
        var tagsNow = new HashSet<>(state.tags());
        var effects = new ArrayList<String>();
        for (var effect : turn.effects()) {
            effects.add(describe(effect, attributesNow, tagsNow));
        }
        var replies = new ArrayList<TestReply>();
        turn.replies().forEach(reply -> replies.add(shown(reply)));
        if (turn.handedOff()) {
            replies.add(new TestReply("text", "Thank you. A person from our team will answer you here shortly.",
                    List.of(), List.of()));
        }
        return new TestRun(replies, effects, new TestRun.State(turn.waitingAt(), turn.retries(), attributesNow, tagsNow),
                turn.handedOff());
    }

    private static String describe(Turn.Effect effect, Map<String, Object> attributes, java.util.Set<String> tags) {
        return switch (effect) {
            case Turn.Effect.SaveAnswer save -> {
                attributes.put(save.attribute(), String.valueOf(save.value()));
                yield "save " + save.attribute() + " = " + save.value();
            }
            case Turn.Effect.Run run -> switch (run.action()) {
                case Action.AddTag tag -> {
                    tags.add(tag.tag());
                    yield "tag " + tag.tag();
                }
                case Action.SetAttribute set -> {
                    attributes.put(set.attribute(), set.value());
                    yield "set " + set.attribute() + " = " + set.value();
                }
                case Action.HandOff ignored -> "hand off to a person (the bot stops)";
                case Action.SendTemplate template -> "send template " + template.name() + " (" + template.language() + ")";
                case Action.CallEndpoint call -> "call " + call.url() + " (signed)";
            };
        };
    }

    static TestReply shown(WhatsAppMessage reply) {
        return switch (reply) {
            case Interactive.Buttons buttons -> new TestReply("buttons", buttons.body(),
                    buttons.buttons().stream().map(Interactive.Choice::title).toList(),
                    buttons.buttons().stream().map(Interactive.Choice::id).toList());
            case Interactive.ListMenu list -> new TestReply("list", list.body(),
                    list.sections().stream().flatMap(section -> section.rows().stream()).map(Interactive.Row::title).toList(),
                    list.sections().stream().flatMap(section -> section.rows().stream()).map(Interactive.Row::id).toList());
            default -> new TestReply("text", reply.preview(), List.of(), List.of());
        };
    }

    static AttributeDefinitions.Type typeOf(Flow.Validation validation) {
        return switch (validation) {
            case NUMBER -> AttributeDefinitions.Type.NUMBER;
            case DATE -> AttributeDefinitions.Type.DATE;
            default -> AttributeDefinitions.Type.TEXT;
        };
    }

    /** The whole flow, or a 422 listing every problem of its JSON and every step it leads to that is not written. */
    Flow read(String definition) {
        var read = readDraft(definition);
        if (!read.whole()) {
            throw invalidFlow(read.unwritten());
        }
        return read.flow();
    }

    /** A flow that may still lead to steps not written yet, or a 422 listing every other problem. */
    private FlowJson.Read readDraft(String definition) {
        JsonNode node;
        try {
            node = json.readTree(definition);
        } catch (JacksonException malformed) {
            throw invalidFlow(List.of("the flow is not valid JSON: " + malformed.getOriginalMessage()));
        }
        var read = FlowJson.read(node);
        if (read.flow() == null) {
            // Steps still to write are not a draft's problem: the editor lists them apart.
            throw invalidFlow(read.problems());
        }
        return read;
    }

    private String canonical(String definition) {
        return json.writeValueAsString(json.readTree(definition));
    }

    static Refusal invalidFlow(List<String> problems) {
        return Refusal.unprocessable("invalid-flow", "Invalid flow",
                problems.size() == 1 ? problems.getFirst() : problems.size() + " problems in the flow; see problems",
                Map.of("problems", List.copyOf(problems)));
    }
}
