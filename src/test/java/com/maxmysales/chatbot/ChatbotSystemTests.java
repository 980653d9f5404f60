package com.maxmysales.chatbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.sandbox.ChatMessage;
import com.maxmysales.sandbox.PhoneChats;
import com.maxmysales.sandbox.SandboxFaults;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.security.TeamFixture;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot in the inbound path over real HTTP, with the sandbox's customers: a welcome flow with a menu and a
 * question saved to a contact attribute (re-asked on a wrong answer), "talk to a person" handing off to the inbox,
 * a STOP never answered, a retried event answered once, and flows refused with every problem listed.
 */
@PlatformTest
class ChatbotSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    Bot bot;
    @Autowired
    SandboxFaults faults;
    @Autowired
    PhoneChats chats;
    @Autowired
    JdbcClient jdbc;

    Http http;
    TeamFixture fixture;
    String key;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aWorkspaceWithTheBotOn() throws IOException {
        http = new Http(port);
        fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Bot Shop");
        key = fixture.keys.get(Role.OWNER);
        number = SandboxNumber.connect(http, key);
        run = String.valueOf(System.nanoTime() % 100_000_000L);
        var enabled = http.put("/api/v1/chatbot", key, "{\"enabled\": true}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        var flow = new String(getClass().getResourceAsStream("/chatbot/signup-flow.json").readAllBytes(),
                StandardCharsets.UTF_8);
        var created = http.post("/api/v1/chatbot/flows", key, flow);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var published = http.post("/api/v1/chatbot/flows/" + created.json().get("id").asString() + "/publish", key, "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    void aCustomerGoesThroughTheMenuAndTheQuestionAndTheAnswerIsSavedOnTheContact() {
        var phone = "+9190" + run + "1";
        number.customerWritesText(phone, "Asha", "hello");
        var conversation = awaitBotReplies(phone, 2);
        assertThat(botTexts(conversation)).containsExactly("Welcome to the shop!", "What would you like?");
        assertThat(botMessages(conversation).get(1).get("type").asString()).isEqualTo("interactive");

        customerTaps(phone, "signup", "Sign up");
        awaitBotReplies(phone, 3);
        number.customerWritesText(phone, "Asha", "my mail is asha at example");
        awaitBotReplies(phone, 5);
        assertThat(botTexts(conversation).subList(3, 5)).containsExactly("Hmm, that is not an email.", "Your email, please?");
        number.customerWritesText(phone, "Asha", "Asha@Example.com");
        awaitBotReplies(phone, 6);

        assertThat(botTexts(conversation).getLast()).isEqualTo("Thanks, you are signed up.");
        var contact = http.get("/api/v1/contacts/" + contactOf(phone), key).json();
        assertThat(contact.get("attributes").get("signup_email").asString()).isEqualTo("asha@example.com");
        assertThat(contact.get("tags").toString()).contains("newsletter");
        assertThat(botMessages(conversation)).allMatch(message -> "service".equals(message.get("purpose").asString()));
    }

    @Test
    void talkToAPersonHandsTheConversationToTheInboxUnassignedAndTheBotStops() {
        var phone = "+9191" + run + "1";
        number.customerWritesText(phone, "Ravi", "hi");
        var conversation = awaitBotReplies(phone, 2);

        number.customerWritesText(phone, "Ravi", "I want to talk to a person");
        awaitBotReplies(phone, 3);
        var inInbox = http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").get(0);
        assertThat(inInbox.get("status").asString()).isEqualTo("open");
        assertThat(inInbox.path("assigneeId").isMissingNode() || inInbox.get("assigneeId").isNull()).isTrue();
        assertThat(inInbox.get("labels").toString()).contains("bot handoff");

        number.customerWritesText(phone, "Ravi", "hello? " + run);
        awaitMessages(conversation, 6);
        pause();
        assertThat(botMessages(conversation)).hasSize(3);

        var handedBack = http.post("/api/v1/chatbot/conversations/" + conversation + "/hand-back", key, "{}");
        assertThat(handedBack.status()).isEqualTo(204);
        number.customerWritesText(phone, "Ravi", "what is this " + run);
        awaitBotReplies(phone, 4);
    }

    @Test
    void afterTheTeamResolvesAHandedOffConversationTheBotAnswersTheCustomersNextMessage() {
        var phone = "+9195" + run + "1";
        number.customerWritesText(phone, "Sana", "hi");
        var first = awaitBotReplies(phone, 2);
        number.customerWritesText(phone, "Sana", "I want to talk to a person");
        awaitBotReplies(phone, 3);

        var owner = fixture.members.get(Role.OWNER);
        var taken = http.patch("/api/v1/conversations/" + first, key, "{\"assigneeId\": \"" + owner + "\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        var answered = http.post("/api/v1/messages", key, """
                {"to": "%s", "type": "text", "text": "Hello Sana, how can I help?"}"""
                .formatted(phone));
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        var resolved = http.patch("/api/v1/conversations/" + first, key, "{\"status\": \"resolved\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        number.customerWritesText(phone, "Sana", "hello again " + run);
        Eventually.await(() -> !first.equals(conversationOf(phone)) && !botMessages(conversationOf(phone)).isEmpty());
        assertThat(botTexts(conversationOf(phone))).startsWith("Welcome to the shop!");
    }

    @Test
    void aTurnsRepliesReachMetaInTheOrderTheBotWroteThemEvenWhenMetaFailsSomeFirstTries() throws IOException {
        var flow = new String(getClass().getResourceAsStream("/chatbot/steps-flow.json").readAllBytes(),
                StandardCharsets.UTF_8);
        var created = http.post("/api/v1/chatbot/flows", key, flow);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        http.post("/api/v1/chatbot/flows/" + created.json().get("id").asString() + "/publish", key, "{}");
        var phone = "+9197" + run + "1";
        number.customerWritesText(phone, "Isha", "hello");
        awaitBotReplies(phone, 2);
        // Meta answers about a third of the sends with a 500, which the dispatcher retries: a reply sent alongside the one
        // before it would overtake it.
        faults.use(number.phoneNumberId(), new SandboxSettings.Faults(0, 0, true, 0.3, 0, Duration.ofSeconds(35), false));
        try {
            number.customerWritesText(phone, "Isha", "steps");
            Eventually.await(Duration.ofSeconds(90), () -> fromBusiness(phone).size() >= 8);
        } finally {
            faults.reset(number.phoneNumberId());
        }
        assertThat(fromBusiness(phone).subList(2, 8)).containsExactly("Step one", "Step two", "Step three",
                "Step four", "Step five", "Step six: pick one");
    }

    /** What the customer's phone shows from the business, in the order Meta accepted it. */
    private List<String> fromBusiness(String phone) {
        return chats.chat(number.phoneNumberId(), phone.substring(1)).messages().stream()
                .filter(message -> !message.fromCustomer() && message.tick() != ChatMessage.Tick.FAILED)
                .map(ChatMessage::text).toList();
    }

    @Test
    void aNewWorkspacesBotDoesNotAnswerFromTheExampleFaqUntilTheBusinessAdoptsIt() {
        var phone = "+9196" + run + "1";
        number.customerWritesText(phone, "Lata", "hello");
        var conversation = awaitBotReplies(phone, 2);
        number.customerWritesText(phone, "Lata", "How long does delivery take?");
        awaitBotReplies(phone, 3);
        assertThat(botTexts(conversation).getLast()).doesNotContain("24-48 hours").contains("talk to a person");

        var adopted = http.put("/api/v1/chatbot", key, "{\"useExampleFaq\": true}");
        assertThat(adopted.json().get("useExampleFaq").asBoolean()).isTrue();
        number.customerWritesText(phone, "Lata", "How long does delivery take? " + run);
        awaitBotReplies(phone, 4);
        assertThat(botTexts(conversation).getLast()).contains("24-48 hours");
    }

    @Test
    void aQuestionOutsideTheMenuIsAnsweredFromTheFaqAndAnUnknownOneOffersAPerson() {
        assertThat(http.put("/api/v1/chatbot", key, "{\"useExampleFaq\": true}").status()).isEqualTo(200);
        var phone = "+9194" + run + "1";
        number.customerWritesText(phone, "Dev", "hello");
        var conversation = awaitBotReplies(phone, 2);

        number.customerWritesText(phone, "Dev", "How long does delivery take?");
        awaitBotReplies(phone, 3);
        assertThat(botTexts(conversation).getLast()).contains("24-48 hours");

        number.customerWritesText(phone, "Dev", "Can your parrot sing opera on Mars " + run);
        awaitBotReplies(phone, 4);
        var offer = botMessages(conversation).getLast();
        assertThat(offer.get("type").asString()).isEqualTo("interactive");
        assertThat(offer.get("text").asString()).contains("talk to a person");
    }

    @Test
    void theBotNeverAnswersAStop() {
        var phone = "+9192" + run + "1";
        number.customerWritesText(phone, "Meera", "STOP");
        Eventually.await(() -> contactOf(phone) != null && conversationOf(phone) != null);
        var conversation = conversationOf(phone);
        awaitMessages(conversation, 2);
        pause();
        assertThat(botMessages(conversation)).isEmpty();
    }

    @Test
    void aRetriedEventIsAnsweredOnce() {
        var phone = "+9193" + run + "1";
        number.customerWritesText(phone, "Kiran", "hello");
        var conversation = awaitBotReplies(phone, 2);
        var inbound = messages(conversation).stream().filter(message -> "inbound".equals(message.get("direction").asString()))
                .findFirst().orElseThrow();

        bot.answer(new MessageReceived(fixture.workspace, UUID.fromString(conversation),
                UUID.fromString(inbound.get("id").asString()), new ContactId(UUID.fromString(contactOf(phone))),
                UUID.fromString(number.channelId())));

        assertThat(botMessages(conversation)).hasSize(2);
    }

    @Test
    void aFlowWithProblemsIsRefusedWithEveryProblemListed() {
        var refused = http.post("/api/v1/chatbot/flows", key, """
                {"name": "Broken", "trigger": {"type": "welcome"}, "steps": [
                  {"id": "m", "type": "menu", "text": "Pick", "options": [
                    {"title": "One"}, {"title": "Two"}, {"title": "Three"}, {"title": "Four"}]},
                  {"id": "q", "type": "question", "text": "Mail?", "attribute": "Email!", "validation": "mail"},
                  {"id": "h", "type": "action", "action": "http", "url": "http://example.com/hook", "next": "nowhere"}
                ]}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("invalid-flow");
        var problems = refused.json().get("problems").toString();
        assertThat(problems).contains("reply buttons are 1 to 3", "step q.attribute", "step q.validation", "https://")
                .as("a step still to write is not a draft's problem").doesNotContain("nowhere");
        assertThat(http.get("/api/v1/chatbot/flows", key).json()).hasSize(1);
    }

    /**
     * A menu written before the steps its options lead to is kept as a draft (the editor lists what is still to
     * write); publishing and the test panel wait until every step is written.
     */
    @Test
    void aDraftMayLeadToStepsNotWrittenYetButIsPublishedOnlyWhole() {
        var menu = """
                {"id": "m", "type": "menu", "text": "Pick", "options": [
                  {"title": "Sign up", "next": "ask_email"}, {"title": "Prices", "next": "prices"}]}""";
        var created = http.post("/api/v1/chatbot/flows", key, flowOf(menu));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var flow = "/api/v1/chatbot/flows/" + created.json().get("id").asString();

        var refused = http.post(flow + "/publish", key, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("problems").toString()).contains("ask_email", "prices");
        var tested = http.post(flow + "/test", key, "{\"text\": \"hi\"}");
        assertThat(tested.status()).as(tested.body()).isEqualTo(422);

        var written = http.put(flow, key, flowOf(menu + """
                ,
                {"id": "ask_email", "type": "question", "text": "Mail?", "attribute": "signup_email", "validation": "email"},
                {"id": "prices", "type": "message", "text": "From 499 rupees."}"""));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(http.post(flow + "/publish", key, "{}").status()).isEqualTo(200);
    }

    /**
     * A tap on the business's own "Talk to us" runs the business's own step (walkthrough: the bot's built-in hand-off
     * took it first, and the business's words never showed); typed words asking for a person still hand off.
     */
    @Test
    void aMenuOptionThatSoundsLikeAskingForAPersonRunsTheBusinesssOwnStep() {
        var created = http.post("/api/v1/chatbot/flows", key, flowOf("""
                {"id": "m", "type": "menu", "text": "Hi!", "options": [
                  {"id": "prices", "title": "Prices", "next": "p"}, {"id": "talk", "title": "Talk to us", "next": "human"}]},
                {"id": "p", "type": "message", "text": "From 499 rupees."},
                {"id": "human", "type": "message", "text": "Sure! Priya from our team will reply shortly.", "next": "h"},
                {"id": "h", "type": "action", "action": "handoff"}"""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var flow = "/api/v1/chatbot/flows/" + created.json().get("id").asString();
        var menu = http.post(flow + "/test", key, "{\"text\": \"hi\"}");
        assertThat(menu.status()).as(menu.body()).isEqualTo(200);

        var tapped = http.post(flow + "/test", key, "{\"text\": \"Talk to us\", \"choiceId\": \"talk\", \"state\": "
                + menu.json().get("state") + "}");

        assertThat(tapped.status()).as(tapped.body()).isEqualTo(200);
        assertThat(tapped.json().get("replies").toString()).contains("Sure! Priya from our team will reply shortly.");
        assertThat(tapped.json().get("handedOff").asBoolean()).isTrue();
        var typed = http.post(flow + "/test", key, "{\"text\": \"I want to talk to a person\", \"state\": "
                + menu.json().get("state") + "}");
        assertThat(typed.json().get("replies").toString()).doesNotContain("Sure! Priya");
        assertThat(typed.json().get("handedOff").asBoolean()).isTrue();
    }

    /** A step link that could never name a step is a problem even in a draft, not a step still to write. */
    @Test
    void aLinkThatCannotBeAStepIdIsRefusedEvenInADraft() {
        var refused = http.post("/api/v1/chatbot/flows", key, flowOf("""
                {"id": "m", "type": "menu", "text": "Pick", "options": [{"title": "A", "next": "<script>x</script>"}]}"""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("problems").toString()).contains("cannot be one").doesNotContain("<script>");
    }

    /**
     * Whatever reached the live column, the bot runs only a whole flow (attack round 8: a save racing a publish made
     * an incomplete draft live, and its customers got no answer at all).
     */
    @Test
    void aLiveFlowThatIsNotWholeIsNotRunAndTheCustomerStillGetsAnAnswer() {
        jdbc.sql("""
                update chatbot_flows set live = jsonb_set(live, '{start}', '"ghost"') where workspace_id = ?
                """).param(fixture.workspace.value()).update();
        var phone = "+9189" + run + "1";
        number.customerWritesText(phone, "Asha", "hello");
        var conversation = awaitBotReplies(phone, 1);
        assertThat(botTexts(conversation)).doesNotContain("Welcome to the shop!").isNotEmpty();
    }

    private static String flowOf(String steps) {
        return "{\"name\": \"Menu first\", \"trigger\": {\"type\": \"manual\"}, \"steps\": [" + steps + "]}";
    }

    private void customerTaps(String phone, String id, String title) {
        var tapped = http.post("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages", key, """
                {"to": "%s", "name": "Customer", "type": "interactive",
                 "interactive": {"type": "button_reply", "button_reply": {"id": "%s", "title": "%s"}}}"""
                .formatted(number.phoneNumberId(), id, title));
        assertThat(tapped.status()).as(tapped.body()).isEqualTo(202);
    }

    private String awaitBotReplies(String phone, int count) {
        // The first message after the platform starts loads the models and trains the classifier: on a busy machine
        // that alone has taken most of half a minute.
        Eventually.await(Duration.ofSeconds(90), () -> contactOf(phone) != null && conversationOf(phone) != null
                && botMessages(conversationOf(phone)).size() >= count);
        return conversationOf(phone);
    }

    private void awaitMessages(String conversation, int count) {
        Eventually.await(() -> messages(conversation).size() >= count);
    }

    /** Time for a reply that should not come. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> botTexts(String conversation) {
        return botMessages(conversation).stream().map(message -> message.get("text").asString()).toList();
    }

    private List<JsonNode> botMessages(String conversation) {
        return messages(conversation).stream().filter(message -> "bot".equals(message.path("lane").asString(""))).toList();
    }

    /** Oldest first. */
    private List<JsonNode> messages(String conversation) {
        var found = new ArrayList<JsonNode>();
        http.get("/api/v1/conversations/" + conversation + "/messages?limit=100", key).json().get("items").forEach(found::add);
        found.sort(java.util.Comparator.comparing(message -> message.get("createdAt").asString()));
        return found;
    }

    private String conversationOf(String phone) {
        var items = http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }
}
