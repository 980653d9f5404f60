package com.maxmysales.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.knowledge.IntentDetected;
import com.maxmysales.chatbot.BotTurnTaken;
import com.maxmysales.inbox.AgentReplied;
import com.maxmysales.inbox.ConversationResolved;
import com.maxmysales.optout.Mailbox;
import com.maxmysales.sandbox.SandboxFaults;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.security.TeamFixture;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.TestMail;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics against what really happened: a sandbox number's customers write, the business answers (through the
 * API and an agent's composer), customers answer back, five send STOP, one message fails at Meta, a contact
 * unsubscribes by email through the real IMAP mailbox, five Google leads come in and are followed up; every figure
 * is compared with what the messages table holds, or with the traffic's own count.
 */
@PlatformTest
class AnalyticsSystemTests {

    static final String FOLLOW_UP = """
            {"templateName": "lead_welcome", "language": "en",
             "variables": [{"field": "full_name", "fallback": "there"}]}""";

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
    JdbcClient jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    Http http;
    TeamFixture fixture;
    String key;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aTeamWithASandboxNumber() {
        http = new Http(port);
        fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Analytics Shop");
        key = fixture.keys.get(Role.OWNER);
        number = SandboxNumber.connect(http, key);
        run = String.format("%06d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L));
    }

    @AfterEach
    void noFaults() {
        faults.reset(number.phoneNumberId());
    }

    /**
     * Mutations caught: a status not implying the earlier ones (MessageCounting) → delivered below the table's
     * count when Meta skips one: fails; replied counted per message instead of per answer → 4, not 3: fails; the
     * STOP not published as an opt-out (WhatsAppOptOuts) → keyword null: fails; suppression off → emailRequestsProcessed 1: fails.
     */
    @Test
    void theFiguresEqualWhatTheSandboxCarried() throws Exception {
        var customers = List.of(phone(1), phone(2), phone(3), phone(4), phone(5), phone(6));
        customers.forEach(customer -> number.customerWritesText(customer, "Customer", "Hello, is the shop open?"));
        Eventually.await(() -> count("direction = 'inbound'") == 6);

        // The business answers each: through the API, and one through an agent's composer.
        var owner = fixture.signedIn(port, Role.OWNER);
        var composed = conversationOf(customers.getFirst());
        var page = owner.get("/app/inbox/" + composed).body();
        assertThat(owner.postForm("/app/inbox/" + composed + "/reply", Map.of("text", "Yes, till 8 pm.",
                "sendKey", sendKey(page))).status()).isEqualTo(302);
        customers.subList(1, 6).forEach(customer -> assertThat(http.post("/api/v1/messages", key, """
                {"to": "%s", "type": "text", "text": "Yes, till 8 pm."}""".formatted(customer)).status()).isEqualTo(202));
        Eventually.await(() -> count("direction = 'outbound' and read_at is not null") == 6);
        Eventually.await(() -> totals().get("read").asInt() == 6);

        // Three answer back, one of them twice: three replies.
        number.customerWritesText(customers.get(0), "Customer", "Great");
        number.customerWritesText(customers.get(0), "Customer", "See you");
        number.customerWritesText(customers.get(1), "Customer", "Thanks");
        number.customerWritesText(customers.get(2), "Customer", "ok");
        Eventually.await(() -> totals().get("inbound").asInt() == 10);
        assertThat(totals().get("replied").asInt()).isEqualTo(3);

        // Five STOP; the sixth customer's next message fails at Meta (131026).
        customers.subList(0, 5).forEach(customer -> number.customerWritesText(customer, "Customer", "STOP"));
        Eventually.await(() -> keywordOptOutsInTable() == 5);
        // Their confirmations go out before Meta starts failing this number's messages.
        Eventually.await(() -> count("direction = 'outbound'") == 11 && count("status in ('queued', 'sending')") == 0);
        faults.use(number.phoneNumberId(), new SandboxSettings.Faults(0, 1, true, 0, 0, java.time.Duration.ofSeconds(35), true));
        assertThat(http.post("/api/v1/messages", key, """
                {"to": "%s", "type": "text", "text": "Your order shipped"}""".formatted(customers.get(5))).status())
                .isEqualTo(202);
        Eventually.await(() -> totals().get("failed").asInt() == 1);
        faults.reset(number.phoneNumberId());

        // A contact unsubscribes by email; five Google leads come in and are followed up on WhatsApp.
        var email = "unsub" + run + "@customer.example";
        assertThat(http.post("/api/v1/contacts", key, """
                {"phone": "+9199%s7", "email": "%s", "consent": {"purpose": "marketing", "basis": "shop form"}}"""
                .formatted(run, email)).status()).isEqualTo(201);
        GreenMailUtil.sendTextEmail(TestMail.OPTOUT_MAILBOX, email, "Unsubscribe", "Please stop",
                TestMail.server().getSmtp().getServerSetup());
        Mailbox.pollNow(context);
        var source = http.post("/api/v1/lead-sources", key, """
                {"type": "google", "followUp": %s}""".formatted(FOLLOW_UP)).json();
        for (var i = 1; i <= 5; i++) {
            assertThat(http.post("/webhooks/leads/google?source=" + source.get("id").asString(), null,
                    googleLead("an-" + run + "-" + i, source, "+9198" + run + "8" + i)).status()).isEqualTo(200);
        }
        Eventually.await(() -> intOf(jdbc.sql("select coalesce(sum(contacted), 0) from analytics_lead_days where workspace_id = ?")
                .param(workspace()).query(Integer.class).single()) == 5);
        Eventually.await(() -> intOf(jdbc.sql("select coalesce(sum(optouts), 0) from analytics_optout_days where workspace_id = ? and channel = 'email'")
                .param(workspace()).query(Integer.class).single()) == 1);
        // Every message settled (the sandbox's customers read everything), and the analytics caught up with it.
        Eventually.await(() -> count("direction = 'outbound' and read_at is null and status <> 'failed'") == 0);
        Eventually.await(() -> totals().get("read").asInt() == count("direction = 'outbound' and read_at is not null"));

        var messages = http.get("/api/v1/analytics/messages", key).json();
        var totals = messages.get("totals");
        assertThat(totals.get("inbound").asInt()).isEqualTo(count("direction = 'inbound'")).isEqualTo(15);
        assertThat(totals.get("sent").asInt()).isEqualTo(count("direction = 'outbound' and sent_at is not null"));
        assertThat(totals.get("delivered").asInt()).isEqualTo(count("direction = 'outbound' and delivered_at is not null"));
        assertThat(totals.get("failed").asInt()).isEqualTo(count("status = 'failed'")).isEqualTo(1);
        assertThat(totals.get("read").asInt()).isEqualTo(count("direction = 'outbound' and read_at is not null"));
        assertThat(totals.get("deliveryRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(messages.get("failures").get(0).get("code").asInt()).isEqualTo(131026);
        assertThat(messages.get("failures").get(0).get("meaning").asString()).contains("not a WhatsApp number");
        var today = messages.get("days").valueStream().filter(day -> day.get("inbound").asInt() > 0).toList();
        assertThat(today).as("the contract's fields per day").allSatisfy(day -> assertThat(day.propertyNames())
                .contains("date", "inbound", "sent", "delivered", "read", "replied", "failed"));
        var ofNumber = http.get("/api/v1/analytics/messages?channelId=" + number.channelId(), key).json().get("totals");
        assertThat(ofNumber.get("inbound").asInt()).isEqualTo(15);
        var ofNoNumber = http.get("/api/v1/analytics/messages?channelId=" + UUID.randomUUID(), key).json().get("totals");
        assertThat(ofNoNumber.get("inbound").asInt()).isZero();

        var optOuts = http.get("/api/v1/analytics/optouts", key).json();
        assertThat(optOuts.get("totals").get("keyword").asInt()).isEqualTo(5);
        assertThat(optOuts.get("totals").get("email").asInt()).as("opt-outs are never suppressed").isEqualTo(1);
        assertThat(optOuts.get("emailRequestsProcessed").isNull()).isTrue();

        var leads = http.get("/api/v1/analytics/leads", key).json();
        var ofSource = leads.get("sources").get(0);
        assertThat(ofSource.get("sourceId").asString()).isEqualTo(source.get("id").asString());
        assertThat(ofSource.get("received").asInt()).isEqualTo(5);
        assertThat(ofSource.get("contacted").asInt()).isEqualTo(5);
        assertThat(ofSource.get("conversion").asDouble()).isEqualTo(1.0);
        assertThat(ofSource.get("timeToContactMedian").asLong()).isBetween(0L, 60L);
        assertThat(ofSource.get("forms").get(0).get("formId").asString()).isEqualTo("11223344556");

        var teamFigures = http.get("/api/v1/analytics/team", key).json();
        var opened = teamFigures.get("days").valueStream().mapToInt(day -> day.get("opened").asInt()).sum();
        assertThat(opened).as("six customers wrote: six conversations opened").isEqualTo(6);
        assertThat(jdbc.sql("select coalesce(sum(n), 0) from analytics_team_days, unnest(buckets) n where workspace_id = ? and metric = 'first_response' and agent_id = ?")
                .param(workspace()).param(fixture.members.get(Role.OWNER)).query(Integer.class).single())
                .as("the composer's answer is the owner's first response").isEqualTo(1);
        assertThat(teamFigures.get("agents").get(0).get("responded").isNull()).as("one conversation: suppressed").isTrue();
    }

    /**
     * Resolving stops the conversation's clock: the resolution counted for its assignee, the backlog one lower.
     * Mutation caught: the clock not stopped on resolve (TeamCounting) → backlog stays 2: fails.
     */
    @Test
    void resolvingAConversationCountsItsResolutionForItsAssigneeAndShrinksTheBacklog() {
        number.customerWritesText(phone(1), "Customer", "Hi");
        number.customerWritesText(phone(2), "Customer", "Hi");
        Eventually.await(() -> backlogToday() == 2);
        var agent = fixture.members.get(Role.AGENT).toString();
        assertThat(http.patch("/api/v1/conversations/" + conversationOf(phone(1)), key, """
                {"status": "resolved", "assigneeId": "%s"}""".formatted(agent)).status()).isEqualTo(200);
        Eventually.await(() -> backlogToday() == 1);
        assertThat(jdbc.sql("select coalesce(sum(n), 0) from analytics_team_days, unnest(buckets) n where workspace_id = ? and metric = 'resolution' and agent_id = cast(? as uuid)")
                .param(workspace()).param(agent).query(Integer.class).single()).isEqualTo(1);
    }

    /** Attack round 8: a year no calendar arithmetic holds, or one PostgreSQL cannot store, was a 500. */
    @Test
    void datesOutsideAnyBusinessesYearsAreRefusedWith400() {
        for (var query : List.of("to=-999999999-01-01", "from=-4713-01-01&to=-4713-01-02", "from=1999-12-31&to=2000-01-01")) {
            for (var path : List.of("/api/v1/analytics/messages?", "/api/v1/analytics/campaigns?")) {
                var answer = http.get(path + query, key);
                assertThat(answer.status()).as(path + query).isEqualTo(400);
                assertThat(answer.json().get("type").asString()).endsWith("invalid-range");
            }
        }
    }

    /**
     * Meta's status webhook delivered again (with a status it skipped, and its pricing) counts nothing more: messaging
     * publishes only the moves, each once; an intent event delivered twice (as the event registry does after a crash)
     * counts once. Mutations caught: a status counted without the one it moved from (MessageCounting) → sent above 1:
     * fails; the price published for every status that carried one (DeliveryStatuses) → pricing above 1: fails;
     * SeenEvents.first always true → intents 3: fails.
     */
    @Test
    void anEventDeliveredTwiceCountsOnce() {
        var customer = phone(7);
        number.customerWritesText(customer, "Customer", "Is my order ready?");
        Eventually.await(() -> count("direction = 'inbound'") == 1);
        assertThat(http.post("/api/v1/messages", key, """
                {"to": "%s", "type": "text", "text": "Your order is ready"}""".formatted(customer)).status()).isEqualTo(202);
        Eventually.await(() -> count("direction = 'outbound' and read_at is not null") == 1);
        Eventually.await(() -> totals().get("read").asInt() == 1);
        var wamid = jdbc.sql("select wamid from messages where workspace_id = ? and direction = 'outbound'")
                .param(workspace()).query(String.class).single();
        var at = Instant.now().getEpochSecond();
        var again = MetaWebhooks.statuses(number.phoneNumberId(), MetaWebhooks.status(wamid, "sent", at, customer),
                MetaWebhooks.status(wamid, "delivered", at, customer), MetaWebhooks.status(wamid, "read", at, customer));
        // Twice, a space apart: a byte-identical body is already turned away when it comes in.
        for (var body : List.of(again, again.replaceFirst("\\{", "{ "))) {
            assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
            Eventually.await(() -> jdbc.sql("select count(*) from webhook_events where body_hash = sha256(?) and state = 'processed'")
                    .param(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Integer.class).single() == 1);
        }
        var intentAt = Instant.parse("2026-03-10T10:15:30.123456Z");
        for (var delivery = 0; delivery < 2; delivery++) {
            publish(new IntentDetected(fixture.workspace, "Order status", intentAt));
        }
        publish(new IntentDetected(fixture.workspace, "order_status", intentAt.plusMillis(1)));
        Eventually.await(() -> intOf(jdbc.sql("select coalesce(sum(detected), 0) from analytics_intent_days where workspace_id = ?")
                .param(workspace()).query(Integer.class).single()) == 2);
        var totals = totals();
        assertThat(totals.get("sent").asInt()).isEqualTo(1);
        assertThat(totals.get("delivered").asInt()).isEqualTo(1);
        assertThat(totals.get("read").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/analytics/messages", key).json().get("pricing").get(0).get("messages").asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql("select intent from analytics_intent_days where workspace_id = ?").param(workspace())
                .query(String.class).list()).containsExactly("order_status");
    }

    /**
     * Under five per intent and day (and in the range) is null, five and more are shown; the contract's shape.
     * Mutation caught: a threshold of 1 (Suppression) → greeting 2: fails.
     */
    @Test
    void intentCountsUnderFiveAreSuppressed() {
        var at = Instant.now();
        for (var i = 0; i < 5; i++) {
            publish(new IntentDetected(fixture.workspace, "order_status", at.plusMillis(i)));
        }
        for (var i = 0; i < 2; i++) {
            publish(new IntentDetected(fixture.workspace, "greeting", at.plusMillis(i)));
        }
        Eventually.await(() -> intOf(jdbc.sql("select coalesce(sum(detected), 0) from analytics_intent_days where workspace_id = ?")
                .param(workspace()).query(Integer.class).single()) == 7);
        var day = at.atZone(workspaces.get(fixture.workspace).timeZone()).toLocalDate();
        var intents = http.get("/api/v1/analytics/intents?from=" + day + "&to=" + day, key).json();
        var ofDay = intents.get("days").get(0);
        assertThat(ofDay.get("date").asString()).isEqualTo(day.toString());
        assertThat(ofDay.get("intents").get("order_status").asInt()).isEqualTo(5);
        assertThat(ofDay.get("intents").get("greeting").isNull()).isTrue();
        assertThat(http.get("/api/v1/analytics/intents.csv?from=" + day + "&to=" + day, key).body())
                .contains("date,greeting,order_status\r\n" + day + ",,5\r\n");
        assertThat(http.get("/api/v1/analytics/intents?from=" + day + "&to=" + day.minusDays(1), key).status())
                .isEqualTo(400);
    }

    /**
     * Bot containment from the chatbot's and the inbox's events: five conversations the bot answered and the team
     * resolved without writing are contained; one the bot handed off and one a team member answered are not; a
     * second turn and a redelivered turn count the conversation once. Mutation caught: AgentReplied not counted as a
     * person taking over (BotCounting) → contained 6 of 7 resolved: fails.
     */
    @Test
    void botContainmentCountsTheBotsConversationsThatEndedWithoutAPerson() {
        var workspace = new WorkspaceId(fixture.workspace.value());
        var contained = new java.util.ArrayList<UUID>();
        for (var i = 0; i < 5; i++) {
            var conversation = UUID.randomUUID();
            contained.add(conversation);
            publish(new BotTurnTaken(workspace, conversation, false));
            publish(new BotTurnTaken(workspace, conversation, false));
        }
        var handedOff = UUID.randomUUID();
        publish(new BotTurnTaken(workspace, handedOff, false));
        publish(new BotTurnTaken(workspace, handedOff, true));
        var answered = UUID.randomUUID();
        publish(new BotTurnTaken(workspace, answered, false));
        Eventually.await(() -> botTotals().get("conversations").asInt() == 7);
        publish(new AgentReplied(workspace, answered, UUID.fromString(fixture.members.get(Role.OWNER).toString())));
        // Listeners run apart: the reply is counted before the resolutions come, as it happened before them.
        Eventually.await(() -> botTotals().get("handedOff").asInt() == 2);
        contained.forEach(conversation -> publish(new ConversationResolved(workspace, conversation, null)));
        publish(new ConversationResolved(workspace, answered, null));
        publish(new BotTurnTaken(workspace, contained.getFirst(), false));
        Eventually.await(() -> botTotals().get("contained").asInt() + botTotals().get("handedOff").asInt() == 7);
        var bot = botTotals();
        assertThat(bot.get("conversations").asInt()).isEqualTo(7);
        assertThat(bot.get("contained").asInt()).isEqualTo(5);
        assertThat(bot.get("handedOff").asInt()).isEqualTo(2);
        assertThat(bot.get("containmentRate").asDouble()).isEqualTo(0.7143);
        var today = http.get("/api/v1/analytics/team", key).json().get("days").valueStream()
                .filter(day -> day.get("botConversations").asInt() > 0).findFirst().orElseThrow();
        assertThat(today.get("botContained").asInt()).isEqualTo(5);
        assertThat(http.get("/api/v1/analytics/team.csv", key).body()).contains("containment_rate");
    }

    private tools.jackson.databind.JsonNode botTotals() {
        return http.get("/api/v1/analytics/team", key).json().get("bot");
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private JsonNode totals() {
        return http.get("/api/v1/analytics/messages", key).json().get("totals");
    }

    private int keywordOptOutsInTable() {
        return intOf(jdbc.sql("select coalesce(sum(optouts), 0) from analytics_optout_days where workspace_id = ? and channel = 'keyword'")
                .param(workspace()).query(Integer.class).single());
    }

    private int backlogToday() {
        var days = http.get("/api/v1/analytics/team", key).json().get("days");
        return days.get(days.size() - 1).get("backlog").asInt();
    }

    private int count(String condition) {
        return jdbc.sql("select count(*) from messages where workspace_id = ? and " + condition)
                .param(workspace()).query(Integer.class).single();
    }

    private String conversationOf(String phone) {
        Eventually.await(() -> contactOf(phone) != null
                && !http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").isEmpty());
        return http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items").get(0).get("id").asString();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    private String phone(int customer) {
        return "+9197" + run + "0" + customer;
    }

    private UUID workspace() {
        return fixture.workspace.value();
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }

    private static String sendKey(String page) {
        var matcher = Pattern.compile("name=\"sendKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(matcher.find()).as("a send key in the composer").isTrue();
        return matcher.group(1);
    }

    private static String googleLead(String leadId, JsonNode source, String phone) {
        try (var in = AnalyticsSystemTests.class.getResourceAsStream("/fixtures/google/lead.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("%LEAD_ID%", leadId)
                    .replace("%KEY%", source.get("key").asString()).replace("%NAME%", "Lead " + leadId)
                    .replace("%PHONE%", phone).replace("%EMAIL%", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
