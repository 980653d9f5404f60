package com.maxmysales.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.MutableClock;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.tenancy.WorkspaceProfile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread page, its composer and notes, over HTTP against the sandbox, on the platform whose clock the tests move
 * (the 24-hour window): every stored type as its bubble, notes that never reach the customer, templates only once the
 * window closed, a service reply to a customer who opted out of marketing, what an analyst sees, and another
 * workspace's conversation not found.
 */
@ClockedPlatformTest
class InboxThreadSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    MutableClock clock;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    List<PersonalDataHolder> holders;

    InboxWorkspace shop;
    String customer;

    @BeforeEach
    void aShopAndACustomer() {
        shop = InboxWorkspace.create(port, signUp, team, apiKeys, "Thread Shop");
        customer = InboxWorkspace.newCustomer();
    }

    /** A bubble's time is the workspace's, as on every other page (it was UTC, with a day separator by UTC). */
    @Test
    void timesAreInTheWorkspacesZone() {
        workspaces.change(shop.workspace(), new WorkspaceProfile("Thread Shop", "Pacific/Kiritimati", "IN"));
        shop.number().customerWritesText(customer, "Asha Rao", "Are you open on Sunday?");
        var conversation = shop.conversationOf(customer);
        await(() -> shop.messages(conversation).size() == 1);
        var at = Instant.parse(shop.messages(conversation).get(0).get("createdAt").asString());

        var html = shop.owner().get("/app/inbox/" + conversation).body();

        var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        assertThat(html).contains(">" + time.format(at.atZone(ZoneId.of("Pacific/Kiritimati"))) + "</time>")
                .doesNotContain(">" + time.format(at.atZone(ZoneOffset.UTC)) + "</time>", " UTC</time>");
    }

    @Test
    void everyStoredTypeIsDrawnAsItsBubble() {
        var first = shop.number().customerWritesText(customer, "Asha Rao", "Is the blue kurta in stock?");
        var conversation = shop.conversationOf(customer);
        var image = new byte[2048];
        new Random(3).nextBytes(image);
        shop.number().customerWritesImage(customer, "Asha Rao", image, "this one");
        shop.customerSends(customer, """
                {"to": "$TO", "type": "location", "location": {"latitude": 18.5204, "longitude": 73.8567,
                 "name": "Shop Pune", "address": "FC Road, Pune"}}""");
        shop.customerSends(customer, """
                {"to": "$TO", "type": "contacts", "contacts": [{"name": {"formatted_name": "Ravi Kumar", "first_name": "Ravi"},
                 "phones": [{"phone": "+91 98111 22334", "wa_id": "919811122334", "type": "CELL"}]}]}""");
        shop.customerSends(customer, """
                {"to": "$TO", "type": "interactive", "interactive": {"type": "button_reply",
                 "button_reply": {"id": "size-m", "title": "Size M please"}}}""");
        shop.customerSends(customer, """
                {"to": "$TO", "type": "reaction", "reaction": {"message_id": "%s", "emoji": "👍"}}""".formatted(first));
        shop.customerSends(customer, """
                {"to": "$TO", "type": "text", "text": {"body": "Answering my own question"}, "context": {"id": "%s"}}"""
                .formatted(first));
        shop.customerSends(customer, """
                {"to": "$TO", "type": "text", "text": {"body": "paid with 4111 1111 1111 1111"}}""");
        var template = shop.http().post("/api/v1/messages", shop.apiKey(), """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US",
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "ORD-4411"}]}]}}""".formatted(customer));
        assertThat(template.status()).as(template.body()).isEqualTo(202);
        await(() -> shop.messages(conversation).size() == 9);
        shop.customerSends(customer, """
                {"to": "$TO", "type": "system", "system": {"body": "Asha changed their phone number", "type": "user_changed_number",
                 "new_wa_id": "919800011122"}}""");
        await(() -> shop.messages(conversation).size() == 10 && media(conversation) != null);

        var page = shop.owner().get("/app/inbox/" + conversation);

        assertThat(page.status()).isEqualTo(200);
        var html = page.body();
        assertThat(bubble(html, "text", "Is the blue kurta in stock?")).as("the reaction sits on the bubble it reacts to")
                .contains("bubble-reactions", "👍");
        assertThat(html).contains("bubble-type-image", "/app/inbox/" + conversation + "/media/" + media(conversation), "this one");
        assertThat(bubble(html, "location", "Shop Pune")).contains("https://www.openstreetmap.org/?mlat=18.5204&amp;mlon=73.8567",
                "FC Road, Pune");
        assertThat(bubble(html, "contacts", "Ravi Kumar")).contains("+91 98111 22334");
        assertThat(bubble(html, "interactive", "Size M please")).contains("Reply");
        assertThat(bubble(html, "text", "Answering my own question")).as("the quoted message")
                .contains("bubble-quote", "Is the blue kurta in stock?");
        assertThat(html).as("masked as stored").contains("paid with XXXX XXXX XXXX 1111").doesNotContain("4111 1111 1111 1111");
        assertThat(bubble(html, "system", "Asha changed their phone number")).contains("bubble-system");
        assertThat(bubble(html, "template", "ORD-4411")).contains("Template order_update", "data-tick=");
        assertThat(html).contains("class=\"day-separator\"", "Today");
        assertThat(html).as("a reaction is not a bubble of its own when its message is shown").doesNotContain("bubble-type-reaction");

        var file = shop.owner().get("/app/inbox/" + conversation + "/media/" + media(conversation));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(file.header("Cache-Control")).contains("no-store");
        var neighbour = InboxWorkspace.newCustomer();
        shop.number().customerWritesText(neighbour, "Ravi", "Hi");
        assertThat(shop.owner().get("/app/inbox/" + shop.conversationOf(neighbour) + "/media/" + media(conversation)).status())
                .as("a file through another conversation's thread").isEqualTo(404);
    }

    /** The customer's phone (the sandbox) receives the reply sent after the notes, and neither note. */
    @Test
    void aNoteIsShownToTheTeamAndNeverSentToTheCustomer() {
        shop.number().customerWritesText(customer, "Meera", "Can I return the saree?");
        var conversation = shop.conversationOf(customer);
        var secret = "Refund approved by Priya " + UUID.randomUUID();
        var web = shop.owner();
        var page = web.get("/app/inbox/" + conversation).body();

        var posted = web.postForm("/app/inbox/" + conversation + "/notes", Map.of("text", secret, "sendKey", sendKey(page, "-note")));
        var api = shop.http().post("/api/v1/conversations/" + conversation + "/notes", shop.apiKey(), """
                {"text": "Called her back"}""", Map.of("Idempotency-Key", "note-1"));
        var again = shop.http().post("/api/v1/conversations/" + conversation + "/notes", shop.apiKey(), """
                {"text": "Called her back"}""", Map.of("Idempotency-Key", "note-1"));
        var reply = web.postForm("/app/inbox/" + conversation + "/reply", Map.of("text", "Yes, within 7 days.",
                "sendKey", sendKey(web.get("/app/inbox/" + conversation).body(), "")));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(api.status()).as(api.body()).isEqualTo(201);
        assertThat(again.json().get("id")).as("the same key, the same note").isEqualTo(api.json().get("id"));
        var notes = shop.http().get("/api/v1/conversations/" + conversation + "/notes", shop.apiKey()).json().get("items");
        assertThat(notes).hasSize(2);
        assertThat(notes.findValuesAsString("text")).containsExactlyInAnyOrder(secret, "Called her back");
        assertThat(bubble(web.get("/app/inbox/" + conversation).body(), "note", secret)).contains("bubble-note", "Olga Owner");
        await(() -> passing() && shop.customersPhone(customer).contains("Yes, within 7 days."));
        assertThat(shop.customersPhone(customer)).doesNotContain(secret).doesNotContain("Called her back");
        assertThat(shop.messages(conversation)).hasSize(2);
    }

    /**
     * Notes are personal data: in the access export and gone with an erasure. Mutation caught: NotePersonalData.erase
     * deleting nothing → fails.
     */
    @Test
    void notesAreExportedAndErasedWithThePerson() {
        shop.number().customerWritesText(customer, "Vikram", "Where is my parcel?");
        var conversation = shop.conversationOf(customer);
        shop.http().post("/api/v1/conversations/" + conversation + "/notes", shop.apiKey(), "{\"text\": \"Lives in Baner\"}");
        var contactId = new ContactId(UUID.fromString(shop.http().get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"),
                shop.apiKey()).json().get("items").get(0).get("id").asString()));
        var notes = holders.stream().filter(holder -> holder.category().equals("conversation notes")).findFirst().orElseThrow();
        var subject = new DataSubject(Set.of(contactId), Set.of(), Set.of());

        assertThat(notes.export(shop.workspace(), subject)).singleElement()
                .satisfies(record -> assertThat(record.get("text")).isEqualTo("Lives in Baner"));
        assertThat(notes.erase(shop.workspace(), subject)).isEqualTo(1);
        assertThat(shop.http().get("/api/v1/conversations/" + conversation + "/notes", shop.apiKey()).json().get("items")).isEmpty();
    }

    /** A note's text goes with its conversation's content, 30 days after the conversation ended (the default). */
    @Test
    void aNotesTextGoesWithItsConversationsContent() {
        shop.number().customerWritesText(customer, "Imran", "Please call me after 6");
        var conversation = shop.conversationOf(customer);
        shop.http().post("/api/v1/conversations/" + conversation + "/notes", shop.apiKey(), "{\"text\": \"Call after 6 pm\"}");

        clock.advance(Duration.ofHours(25));
        await(Duration.ofSeconds(90), () -> shop.http().get("/api/v1/conversations?contactId=" + contactId(),
                shop.apiKey()).body().contains("\"ended\""));
        clock.advance(Duration.ofDays(31));
        assertThat(shop.http().post("/api/v1/privacy/purges", shop.apiKey(), "{}").status()).isEqualTo(200);

        var notes = shop.http().get("/api/v1/conversations/" + conversation + "/notes", shop.apiKey()).json().get("items");
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.path("text").isNull()
                || note.path("text").isMissingNode()).as("the text is gone, that it was written stays").isTrue());
    }

    private String contactId() {
        return shop.http().get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), shop.apiKey()).json().get("items")
                .get(0).get("id").asString();
    }

    /**
     * Outside the window the composer offers only approved templates, and one goes out; a free reply posted anyway is
     * refused by the send path and the page says why.
     */
    @Test
    void outsideTheWindowOnlyApprovedTemplatesAreOfferedAndOneGoesOut() {
        approvedTemplate("delivery_update_" + UUID.randomUUID().toString().substring(0, 6).replace('-', '_'));
        shop.number().customerWritesText(customer, "Kiran Shah", "Please update me on delivery");
        var conversation = shop.conversationOf(customer);
        var web = shop.owner();

        var inside = web.get("/app/inbox/" + conversation).body();
        assertThat(inside).contains("id=\"window-left\"", "id=\"reply-form\"").doesNotContain("id=\"template-form\"");
        assertThat(text(inside, "window-left")).matches("2[34] h \\d+ min left to reply freely");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        var outside = web.get("/app/inbox/" + conversation).body();

        assertThat(outside).contains("id=\"window-closed\"", "id=\"template-form\"").doesNotContain("id=\"reply-form\"");
        assertThat(outside).contains("value=\"Kiran Shah\"").as("the first variable, prefilled from the contact");
        var option = Pattern.compile("<option value=\"(delivery_update_[a-z0-9_]+:en_US)\"").matcher(outside);
        assertThat(option.find()).isTrue();
        var refused = web.postForm("/app/inbox/" + conversation + "/reply", Map.of("text", "Free text now?",
                "sendKey", sendKey(outside, "")));
        assertThat(web.get("/app/inbox/" + conversation).body()).contains("id=\"composer-refused\"", "24 hours");
        assertThat(refused.status()).isEqualTo(302);

        var sent = web.postForm("/app/inbox/" + conversation + "/template", Map.of("template", option.group(1),
                "value", "Kiran Shah", "sendKey", sendKey(web.get("/app/inbox/" + conversation).body(), "")));

        assertThat(sent.status()).isEqualTo(302);
        await(() -> shop.messages(conversation).size() == 2
                && !shop.messages(conversation).get(0).get("status").asString().equals("queued"));
        var message = shop.messages(conversation).get(0);
        assertThat(message.get("type").asString()).isEqualTo("template");
        assertThat(message.get("status").asString()).isIn("sent", "delivered", "read");
        await(() -> shop.customersPhone(customer).contains("Kiran Shah"));
    }

    /**
     * A customer who opted out of marketing (STOP) and writes again gets a service reply, and the composer says why.
     * Mutation caught: a composer that asks the ledger about marketing for a reply → no reply form: fails.
     */
    @Test
    void aCustomerWhoOptedOutOfMarketingStillGetsAServiceReplyInsideTheWindow() {
        shop.number().customerWritesText(customer, "Leela", "STOP");
        var conversation = shop.conversationOf(customer);
        await(() -> shop.http().get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), shop.apiKey()).body()
                .contains("\"id\"") && optedOut(conversation));
        shop.number().customerWritesText(customer, "Leela", "But when does my order arrive?");
        var web = shop.owner();

        var page = web.get("/app/inbox/" + conversation).body();

        assertThat(text(page, "composer-allowed")).contains("opted out of marketing", "service");
        assertThat(page).contains("id=\"reply-form\"", "id=\"panel-opted-out\"");
        var sent = web.postForm("/app/inbox/" + conversation + "/reply", Map.of("text", "It arrives on Friday.",
                "sendKey", sendKey(page, "")));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(web.get("/app/inbox/" + conversation).body()).doesNotContain("id=\"composer-refused\"");
        await(() -> passing() && shop.customersPhone(customer).contains("It arrives on Friday."));
    }

    /** Mutation caught: ThreadAccess giving every role the content view → the analyst reads the text: fails. */
    @Test
    void anAnalystSeesWhenMessagesCameButNotWhatTheySay() {
        shop.number().customerWritesText(customer, "Nisha", "My PAN is on the invoice, please check");
        var conversation = shop.conversationOf(customer);
        shop.http().post("/api/v1/conversations/" + conversation + "/notes", shop.apiKey(), "{\"text\": \"VIP customer\"}");
        var analyst = shop.signedIn(shop.analystEmail());

        var page = analyst.get("/app/inbox/" + conversation);
        var newer = analyst.get("/app/inbox/" + conversation + "/newer?since=" + since(page.body()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("bubble-type-text", "bubble-note", "id=\"metadata-only\"");
        assertThat(page.body() + newer.body()).doesNotContain("PAN is on the invoice", "VIP customer", "Nisha");
        assertThat(page.body()).doesNotContain("id=\"contact-panel\"", "id=\"reply-form\"", "id=\"note-form\"");
        assertThat(analyst.get("/app/inbox/" + conversation + "/media/" + UUID.randomUUID()).status()).isEqualTo(403);
    }

    /**
     * Checked against a mutation: the notes API without the thread's access check (NoteController.list, Notes.of) →
     * another workspace's notes answer 200: fails.
     */
    @Test
    void anotherWorkspacesConversationIsNotFound() {
        shop.number().customerWritesText(customer, "Zoya", "Private question " + customer);
        var conversation = shop.conversationOf(customer);
        var other = InboxWorkspace.create(port, signUp, team, apiKeys, "Other Shop");
        var stranger = other.owner();
        var own = stranger.get("/app").body();

        var page = stranger.get("/app/inbox/" + conversation);
        var newer = stranger.get("/app/inbox/" + conversation + "/newer?since=" + since(shop.owner().get("/app/inbox/" + conversation).body()));
        var reply = stranger.postForm("/app/inbox/" + conversation + "/reply", Map.of("text", "hi", "sendKey", "k1"));
        var note = stranger.postForm("/app/inbox/" + conversation + "/notes", Map.of("text", "hi", "sendKey", "k2"));
        var notes = other.http().get("/api/v1/conversations/" + conversation + "/notes", other.apiKey());
        var addNote = other.http().post("/api/v1/conversations/" + conversation + "/notes", other.apiKey(), "{\"text\": \"x\"}");

        assertThat(own).isNotEmpty();
        assertThat(List.of(page.status(), newer.status(), reply.status(), note.status(), notes.status(), addNote.status()))
                .containsOnly(404);
        assertThat(page.body() + newer.body()).doesNotContain("Private question");
        assertThat(shop.messages(conversation)).hasSize(1);
        assertThat(shop.http().get("/api/v1/conversations/" + conversation + "/notes", shop.apiKey()).json().get("items")).isEmpty();
    }

    /** The fragment the live script fetches again: new messages and ticks, from the first message the page drew. */
    @Test
    void theRefreshFragmentShowsNewMessagesAndTheirTicks() {
        shop.number().customerWritesText(customer, "Farah", "Hello?");
        var conversation = shop.conversationOf(customer);
        var web = shop.owner();
        var page = web.get("/app/inbox/" + conversation).body();
        var since = since(page);
        shop.http().post("/api/v1/canned-responses", shop.apiKey(), "{\"shortcut\": \"hours\", \"text\": \"We open 10 to 8, Monday to Saturday.\"}");

        web.postForm("/app/inbox/" + conversation + "/reply", Map.of("text", "/hours", "sendKey", sendKey(page, "")));
        shop.number().customerWritesText(customer, "Farah", "Thanks!");

        await(() -> passing() && web.get("/app/inbox/" + conversation + "/newer?since=" + since).body().contains("data-tick=\"read\""));
        var fragment = web.get("/app/inbox/" + conversation + "/newer?since=" + since).body();
        assertThat(fragment).contains("Hello?", "We open 10 to 8, Monday to Saturday.").as("the canned response, expanded")
                .doesNotContain("/hours");
        await(() -> web.get("/app/inbox/" + conversation + "/newer?since=" + since).body().contains("Thanks!"));
        assertThat(fragment).doesNotContain("<html");
    }

    /** The page draws the latest 50; scrolling up loads the stretch before them, down to the first message. */
    @Test
    void olderMessagesLoadOnScrollByCursor() {
        shop.number().customerWritesText(customer, "Dev", "First question of a long chat");
        var conversation = shop.conversationOf(customer);
        for (var i = 1; i <= 55; i++) {
            passing();
            var sent = shop.http().post("/api/v1/messages", shop.apiKey(), """
                    {"to": "%s", "type": "text", "text": {"body": "Answer number %d"}}""".formatted(customer, i));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        }
        var web = shop.owner();

        var page = web.get("/app/inbox/" + conversation).body();
        var older = Pattern.compile("hx-get=\"(/app/inbox/[^\"]+/older\\?cursor=[A-Za-z0-9_-]+)\"").matcher(page);

        assertThat(page).contains("Answer number 55").doesNotContain("First question of a long chat");
        assertThat(older.find()).as("a trigger for the older stretch").isTrue();
        var stretch = web.get(older.group(1));
        assertThat(stretch.status()).isEqualTo(200);
        assertThat(stretch.body()).contains("First question of a long chat", "Answer number 5<", "The start of this conversation.")
                .doesNotContain("Answer number 55", "<html");
    }

    @Test
    void cannedResponsesAreManagedOnTheirPageAndThroughTheApi() {
        var web = shop.owner();
        web.get("/app/inbox/canned");

        var added = web.postForm("/app/inbox/canned", Map.of("shortcut", "/Thanks", "text", "Thank you for shopping with us!"));
        var taken = shop.http().post("/api/v1/canned-responses", shop.apiKey(), "{\"shortcut\": \"thanks\", \"text\": \"again\"}");
        var invalid = shop.http().post("/api/v1/canned-responses", shop.apiKey(), "{\"shortcut\": \"two words\", \"text\": \"x\"}");
        var listed = shop.http().get("/api/v1/canned-responses", shop.apiKey()).json().get("items");

        assertThat(added.status()).isEqualTo(302);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(listed).singleElement().satisfies(item -> {
            assertThat(item.get("shortcut").asString()).isEqualTo("thanks");
            assertThat(item.get("text").asString()).isEqualTo("Thank you for shopping with us!");
        });
        assertThat(web.get("/app/inbox/canned").body()).contains("/thanks", "Thank you for shopping with us!");
        var deleted = shop.http().delete("/api/v1/canned-responses/" + listed.get(0).get("id").asString(), shop.apiKey());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(shop.http().get("/api/v1/canned-responses", shop.apiKey()).json().get("items")).isEmpty();
    }

    /**
     * Time passes on the platform's clock while a test waits: the send path paces messages to one customer (Meta's pair
     * rate limit), and on a clock that stood still a second message to them would wait for ever.
     */
    private boolean passing() {
        clock.advance(Duration.ofSeconds(7));
        return true;
    }

    private void approvedTemplate(String name) {
        var wabaId = shop.number().wabaId();
        var submitted = shop.http().post("/sandbox/graph/v23.0/" + wabaId + "/message_templates", shop.apiKey(), """
                {"name": "%s", "language": "en_US", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "Hi {{1}}, your order is on its way.",
                                 "example": {"body_text": [["Asha"]]}}]}""".formatted(name));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        await(() -> shop.http().get("/api/v1/templates?status=APPROVED", shop.apiKey()).body().contains(name));
    }

    private boolean optedOut(String conversation) {
        return shop.owner().get("/app/inbox/" + conversation).body().contains("id=\"panel-opted-out\"");
    }

    private String media(String conversation) {
        for (var message : shop.messages(conversation)) {
            if (message.path("mediaId").isString()) {
                return message.get("mediaId").asString();
            }
        }
        return null;
    }

    /** The bubble (its element up to the next bubble) that shows this text. */
    private static String bubble(String html, String type, String text) {
        var bubbles = html.split("<div class=\"bubble ");
        // Its own text first: a reply also shows the text it quotes.
        for (var bubble : bubbles) {
            if (bubble.startsWith("bubble-") && bubble.contains("bubble-type-" + type)
                    && bubble.contains("class=\"bubble-text\">" + text)) {
                return bubble;
            }
        }
        for (var bubble : bubbles) {
            if (bubble.startsWith("bubble-") && bubble.contains("bubble-type-" + type) && bubble.contains(text)) {
                return bubble;
            }
        }
        throw new AssertionError("no " + type + " bubble shows " + text + " in " + html);
    }

    private static String sendKey(String page, String suffix) {
        var matcher = Pattern.compile("name=\"sendKey\" value=\"([0-9a-f-]{36})" + Pattern.quote(suffix) + "\"").matcher(page);
        assertThat(matcher.find()).as("a send key in the composer").isTrue();
        return matcher.group(1) + suffix;
    }

    private static String since(String page) {
        var matcher = Pattern.compile("/newer\\?since=([A-Za-z0-9_-]+)").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String text(String html, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as(id).isTrue();
        return matcher.group(1).strip();
    }
}
