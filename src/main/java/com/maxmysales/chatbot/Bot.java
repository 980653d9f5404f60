package com.maxmysales.chatbot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.chatbot.Flow.Action;
import com.maxmysales.chatbot.SessionStore.Session;
import com.maxmysales.chatbot.SessionStore.State;
import com.maxmysales.contacts.AttributeDefinitions;
import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.ContactPatch;
import com.maxmysales.contacts.ContactProfiles;
import com.maxmysales.inbox.InboxHandOffs;
import com.maxmysales.knowledge.EmbeddedText;
import com.maxmysales.knowledge.IntentDetected;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.optout.OptOutMessages;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.message.Interactive;
import com.maxmysales.whatsapp.message.Template;
import com.maxmysales.whatsapp.message.Text;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot answering one customer message: never a message about consent (the opt-out module answers those), never
 * in a conversation an agent has or that was handed off; a "talk to a person" at any point hands off; else the
 * flow waiting for an answer, a flow the message starts (a keyword, its intent, or the welcome flow on the first
 * message of a conversation the customer began: a reply to the business's campaign or template is answered, not
 * greeted), the FAQ, and at last an offer of a person. Replies go in the bot lane as service
 * messages, keyed by the customer's message: a redelivered or retried message is answered once.
 */
@Component
class Bot {

    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    /** A flow waiting for an answer gives up after this: a reply a day later starts afresh. */
    static final Duration SESSION_TIMEOUT = Duration.ofHours(2);

    private final SettingsStore settings;
    private final FlowStore flows;
    private final ParsedFlows parsed;
    private final SessionStore sessions;
    private final ConversationQueries conversations;
    private final OptOutMessages optOuts;
    private final InboxHandOffs inbox;
    private final ContactDirectory contacts;
    private final ContactProfiles profiles;
    private final AttributeDefinitions attributes;
    private final Understanding understanding;
    private final ReplyChain chain;
    private final EndpointCalls endpoints;
    private final LlmAnswers llm;
    private final WorkspaceManagement workspaces;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reading;
    private final BotTimings timings;

    Bot(SettingsStore settings, FlowStore flows, ParsedFlows parsed, SessionStore sessions,
            ConversationQueries conversations, OptOutMessages optOuts, InboxHandOffs inbox, ContactDirectory contacts,
            ContactProfiles profiles, AttributeDefinitions attributes, Understanding understanding, ReplyChain chain,
            EndpointCalls endpoints, LlmAnswers llm, WorkspaceManagement workspaces, ApplicationEventPublisher events,
            JsonMapper json, Clock clock, PlatformTransactionManager transactionManager, BotTimings timings) {
        this.settings = settings;
        this.flows = flows;
        this.parsed = parsed;
        this.sessions = sessions;
        this.conversations = conversations;
        this.optOuts = optOuts;
        this.inbox = inbox;
        this.contacts = contacts;
        this.profiles = profiles;
        this.attributes = attributes;
        this.understanding = understanding;
        this.chain = chain;
        this.endpoints = endpoints;
        this.llm = llm;
        this.workspaces = workspaces;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.timings = timings;
    }

    /**
     * Reads and classifies first, and asks the FAQ and the LLM (an HTTP call of up to seconds) only when no flow or
     * hand-off will take the message, all outside any transaction: a connection is held only for the short decision
     * that follows, under the session's lock.
     */
    void answer(MessageReceived received) {
        var started = System.nanoTime();
        var workspace = received.workspaceId();
        var read = reading.execute(status -> read(received));
        if (read == null) {
            return;
        }
        var setup = read.setup();
        var message = read.message();
        var input = read.input();
        var contact = read.contact();
        var live = read.live();
        var seen = read.seen();
        var greets = !read.answersTheBusiness();
        var stage = timings.record(BotTimings.Stage.READ, started);
        var embedded = understanding.embed(input.text());
        var intent = understanding.intent(workspace, embedded);
        stage = timings.record(BotTimings.Stage.CLASSIFY, stage);
        var now = clock.instant();
        Optional<Understanding.Answer> faq = Optional.empty();
        Optional<String> generated = Optional.empty();
        var handOff = understanding.handsOff(input.text(), input.choiceId(), intent);
        var byFlow = seen.map(session -> session.waiting(now)).orElse(false)
                || startedFlow(live, input.text(), intent,
                        greets && seen.map(session -> session.lastMessage() == null).orElse(true)).isPresent();
        var silent = seen.map(session -> session.state() != State.BOT).orElse(false);
        if (!handOff && !byFlow && !silent && !input.text().isBlank()) {
            faq = understanding.faq(workspace, embedded, setup.useExampleFaq());
            generated = llm.answer(workspace, contact, input.text(), faq.map(List::of).orElse(List.of()));
            stage = timings.record(BotTimings.Stage.FAQ, stage);
        }
        var prepared = new Prepared(input, embedded, intent, contact, live, faq, generated, greets);
        var deciding = stage;
        var decided = new long[1];
        transactions.executeWithoutResult(status -> {
            timings.record(BotTimings.Stage.BEGIN, deciding);
            decide(received, message, setup, prepared);
            decided[0] = System.nanoTime();
        });
        if (decided[0] != 0) {
            timings.record(BotTimings.Stage.COMMIT, decided[0]);
        }
        timings.record(BotTimings.Stage.DECIDE, stage);
        timings.record(BotTimings.Stage.TOTAL, started);
    }

    /**
     * What the bot reads before it thinks.
     *
     * @param answersTheBusiness the business wrote first (a campaign, a lead's follow-up, an agent's template) or the
     *                           message answers one of its messages: the welcome flow is not for it
     */
    private record Read(BotSettings setup, Message message, FlowEngine.Input input, Contact contact, List<LiveFlow> live,
            Optional<Session> seen, boolean answersTheBusiness) {}

    /**
     * In one read-only transaction: one connection taken from the pool for the whole read instead of one per query
     * (each a wait of its own when the pool is busy), none held while the models think.
     *
     * @return null when the bot does not answer this message: it is off, or the message is about consent
     */
    private @Nullable Read read(MessageReceived received) {
        var workspace = received.workspaceId();
        var setup = settings.of(workspace);
        if (!setup.enabled()) {
            return null;
        }
        var message = conversations.message(workspace, received.messageId());
        if (!"inbound".equals(message.direction()) || optOuts.aboutConsent(workspace, message)) {
            return null;
        }
        var seen = sessions.peek(workspace, received.conversationId());
        // Asked only where the welcome could answer, a conversation's first message: not a statement more per turn.
        var first = seen.map(session -> session.lastMessage() == null).orElse(true);
        return new Read(setup, message, input(message), contacts.get(workspace, received.contactId()),
                liveFlows(workspace), seen, first && conversations.answersTheBusiness(workspace, message));
    }

    /** What was read and asked before the transaction. */
    private record Prepared(FlowEngine.Input input, EmbeddedText embedded, Understanding.Intent intent, Contact contact,
            List<LiveFlow> live, Optional<Understanding.Answer> faq, Optional<String> generated, boolean greets) {}

    private void decide(MessageReceived received, Message message, BotSettings setup, Prepared prepared) {
        var workspace = received.workspaceId();
        sessions.open(workspace, received.conversationId(), received.contactId());
        var session = sessions.lock(workspace, received.conversationId()).orElseThrow();
        if (message.id().equals(session.lastMessage())) {
            return;
        }
        var now = clock.instant();
        var firstMessage = session.lastMessage() == null;
        if (session.state() != State.BOT) {
            sessions.save(withLast(session, session.state(), null, null, 0, message.id()));
            return;
        }
        if (firstMessage && inbox.handedOff(workspace, received.conversationId())) {
            // The customer writes again after the team finished a hand-off (resolved, or it went idle): the new
            // conversation inherited the hand-off's agent and label from the old one, and the bot would have stayed
            // silent in it, and in every conversation after it. A new conversation starts with the bot again.
            inbox.handBack(workspace, received.conversationId());
        }
        if (inbox.assignee(workspace, received.conversationId()).isPresent()) {
            sessions.save(withLast(session, State.AGENT, null, null, 0, message.id()));
            return;
        }
        var input = prepared.input();
        var intent = prepared.intent();
        if (intent.name() != null) {
            events.publishEvent(new IntentDetected(workspace, intent.name(), now));
        }
        // The workspace's time zone is read only for business hours: most bots are always open.
        var open = setup.hours() == null || setup.hours().open(now, workspaces.get(workspace).timeZone());
        var contact = prepared.contact();
        var context = new FlowEngine.Context(new HashMap<>(contact.attributes()), new HashSet<>(contact.tags()), open,
                intent.name());
        var live = prepared.live();

        Turn turn = null;
        UUID flowId = null;
        if (understanding.handsOff(input.text(), input.choiceId(), intent)) {
            turn = handOffTurn();
        }
        if (turn == null && session.waiting(now)) {
            var flow = live.stream().filter(candidate -> candidate.id().equals(session.flow())).findFirst();
            if (flow.isPresent()) {
                var answered = FlowEngine.answer(flow.get().flow(), session.step(), session.retries(), input, context);
                if (answered.understood()) {
                    turn = answered;
                    flowId = flow.get().id();
                }
            }
        }
        if (turn == null) {
            var started = startedFlow(live, input.text(), intent, firstMessage && prepared.greets());
            if (started.isPresent()) {
                turn = FlowEngine.start(started.get().flow(), context);
                flowId = started.get().id();
            }
        }
        if (turn == null) {
            // Asked before the transaction when no flow was expected to take the message; a menu the customer left
            // meanwhile is answered from the FAQ alone (no LLM call under a lock).
            var faq = prepared.faq().isPresent() || prepared.generated().isPresent() ? prepared.faq()
                    : understanding.faq(workspace, prepared.embedded(), setup.useExampleFaq());
            turn = prepared.generated().or(() -> faq.map(Understanding.Answer::answer))
                    .map(answer -> new Turn(List.of(Text.of(answer.length() > Text.MAX_LENGTH
                            ? answer.substring(0, Text.MAX_LENGTH) : answer)), List.of(), null, 0, false, true))
                    .orElseGet(() -> unanswered(message));
        }
        carryOut(workspace, message, turn, setup, open);
        events.publishEvent(new BotTurnTaken(workspace, received.conversationId(), turn.handedOff()));
        var state = turn.handedOff() ? State.HANDED_OFF : State.BOT;
        sessions.save(new Session(workspace, session.conversation(), session.contact(), state,
                turn.waitingAt() == null ? null : flowId, turn.waitingAt(), turn.retries(),
                turn.waitingAt() == null ? null : now.plus(SESSION_TIMEOUT), message.id()));
    }

    /** A live flow, read once per message: a flow that no longer reads (a format change) is skipped, not fatal. */
    record LiveFlow(UUID id, Flow flow) {}

    List<LiveFlow> liveFlows(WorkspaceId workspace) {
        var live = new ArrayList<LiveFlow>();
        for (var stored : flows.live(workspace)) {
            var flow = parsed.read(stored);
            if (flow != null) {
                live.add(new LiveFlow(stored.id(), flow));
            }
        }
        return live;
    }

    /** @param greets the message opens a conversation the customer began: the welcome flow answers it */
    static Optional<LiveFlow> startedFlow(List<LiveFlow> live, String text, Understanding.Intent intent,
            boolean greets) {
        var byKeyword = live.stream().filter(flow -> flow.flow().trigger() instanceof Flow.Trigger.Keywords keywords
                && Understanding.keyword(new HashSet<>(keywords.keywords()), text)).findFirst();
        if (byKeyword.isPresent()) {
            return byKeyword;
        }
        var byIntent = live.stream().filter(flow -> flow.flow().trigger() instanceof Flow.Trigger.Intent wanted
                && wanted.intent().equals(intent.name())).findFirst();
        if (byIntent.isPresent() || !greets) {
            return byIntent;
        }
        return live.stream().filter(flow -> flow.flow().trigger() instanceof Flow.Trigger.Welcome).findFirst();
    }

    static Turn handOffTurn() {
        return new Turn(List.of(), List.of(new Turn.Effect.Run(new Action.HandOff())), null, 0, true, true);
    }

    /**
     * What the bot does with a message no flow and no FAQ entry answers. A tap on a button of the business's own
     * template ("Show me", "I'm interested") answers the business, usually its campaign: the team takes it at once
     * rather than the bot saying it has no answer. Anything else: the bot does not guess, it offers a person.
     */
    static Turn unanswered(Message message) {
        return "button".equals(message.type()) ? handOffTurn() : offerPerson();
    }

    static Turn offerPerson() {
        return new Turn(List.of(new Interactive.Buttons(null,
                "Sorry, I don't have an answer to that. Would you like to talk to a person?", null,
                List.of(new Interactive.Choice(Understanding.HAND_OFF_CHOICE, "Talk to a person")))),
                List.of(), null, 0, false, true);
    }

    FlowEngine.Input input(Message message) {
        var text = message.text() == null ? "" : message.text();
        String choice = null;
        if ("interactive".equals(message.type()) && message.payload() != null) {
            var payload = json.readTree(message.payload());
            var reply = payload.has("button_reply") ? payload.path("button_reply") : payload.path("list_reply");
            choice = reply.path("id").asString(null);
            if (text.isBlank()) {
                text = reply.path("title").asString("");
            }
        } else if ("button".equals(message.type()) && message.payload() != null) {
            var payload = json.readTree(message.payload());
            text = payload.path("text").asString(text);
        }
        return new FlowEngine.Input(text, choice);
    }

    private void carryOut(WorkspaceId workspace, Message message, Turn turn, BotSettings setup, boolean open) {
        var replies = new ArrayList<>(turn.replies());
        if (turn.handedOff()) {
            replies.add(Text.of(!open && setup.awayMessage() != null ? setup.awayMessage()
                    : "Thank you. A person from our team will answer you here shortly."));
        }
        var sent = 0;
        var ordered = new ArrayList<ReplyChain.Reply>();
        for (var reply : replies) {
            ordered.add(new ReplyChain.Reply(reply, "bot:" + message.id() + ":" + sent++));
        }
        var contact = message.contactId();
        for (var effect : turn.effects()) {
            switch (effect) {
                case Turn.Effect.SaveAnswer save -> setAttribute(workspace, message, save.attribute(), save.value(),
                        switch (save.validation()) {
                            case NUMBER -> AttributeDefinitions.Type.NUMBER;
                            case DATE -> AttributeDefinitions.Type.DATE;
                            default -> AttributeDefinitions.Type.TEXT;
                        });
                case Turn.Effect.Run run -> {
                    switch (run.action()) {
                        case Action.AddTag tag -> profiles.tag(workspace, List.of(contact), List.of(tag.tag()), List.of());
                        case Action.SetAttribute set -> setAttribute(workspace, message, set.attribute(), set.value(),
                                AttributeDefinitions.Type.TEXT);
                        case Action.HandOff ignored -> inbox.handOff(workspace, message.conversationId());
                        case Action.SendTemplate template -> ordered.add(new ReplyChain.Reply(
                                Template.of(template.name(), template.language()), "bot:" + message.id() + ":" + sent++));
                        case Action.CallEndpoint call -> endpoints.call(workspace, call.url(), message.conversationId(),
                                contact, contacts.get(workspace, contact).attributes());
                    }
                }
            }
        }
        var queueing = System.nanoTime();
        chain.send(new ReplyChain.To(workspace, message.conversationId(), contact, message.channelId()), ordered);
        timings.record(BotTimings.Stage.QUEUE, queueing);
    }

    private void setAttribute(WorkspaceId workspace, Message message, String key, Object value,
            AttributeDefinitions.Type type) {
        try {
            if (!attributes.all(workspace).containsKey(key)) {
                attributes.define(workspace, key, type);
            }
            var values = new HashMap<String, @Nullable Object>();
            values.put(key, value instanceof java.time.LocalDate date ? date.toString() : value);
            profiles.update(workspace, message.contactId(), new ContactPatch(null, null, null, values, null));
        } catch (Refusal refused) {
            // The attribute exists with another type (the business changed it after publishing): the answer is not
            // worth failing the reply for.
            log.warn("The bot could not save attribute {}: {}", key, refused.getMessage());
        }
    }

    private static Session withLast(Session session, State state, @Nullable UUID flow, @Nullable String step,
            int retries, UUID message) {
        return new Session(session.workspace(), session.conversation(), session.contact(), state, flow, step, retries,
                null, message);
    }
}
