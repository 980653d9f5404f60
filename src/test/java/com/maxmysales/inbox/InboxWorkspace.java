package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;

import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business for the inbox tests: its owner (signed up as a person), an analyst they invited, an owner's API key and
 * a sandbox number whose customers write in.
 */
record InboxWorkspace(WorkspaceId workspace, String ownerEmail, String analystEmail, String apiKey, SandboxNumber number,
        Http http, int port) {

    static final String PASSWORD = "a long enough password";

    static InboxWorkspace create(int port, SignUp signUp, Team team, ApiKeyManagement apiKeys, String name) {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ownerEmail = "owner-" + run + "@inbox.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form(name, "Olga Owner", ownerEmail, PASSWORD,
                true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var analystEmail = "analyst-" + run + "@inbox.example";
        var invitation = team.invite(owner, analystEmail, Role.ANALYST);
        assertThat(team.accept(invitation.token().reveal(), "Ana Analyst", PASSWORD, true, true)).isEmpty();
        var apiKey = apiKeys.create(owner, "inbox test key", Role.OWNER).key().reveal();
        var http = new Http(port);
        return new InboxWorkspace(created.workspace(), ownerEmail, analystEmail, apiKey, SandboxNumber.connect(http, apiKey),
                http, port);
    }

    WebSession signedIn(String email) {
        var session = new WebSession(port, WebSession.newClientAddress());
        assertThat(session.signIn(email, PASSWORD)).isTrue();
        return session;
    }

    WebSession owner() {
        return signedIn(ownerEmail);
    }

    static String newCustomer() {
        return "+9197" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    /** The customer's conversation, once their first message is stored. */
    String conversationOf(String customer) {
        var contact = new String[1];
        await(() -> {
            var found = http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().path("items");
            for (var item : found) {
                if (customer.equals(item.path("phone").asString(""))) {
                    contact[0] = item.get("id").asString();
                }
            }
            return contact[0] != null
                    && !http.get("/api/v1/conversations?contactId=" + contact[0], apiKey).json().path("items").isEmpty();
        });
        return http.get("/api/v1/conversations?contactId=" + contact[0], apiKey).json().get("items").get(0).get("id").asString();
    }

    JsonNode messages(String conversation) {
        return http.get("/api/v1/conversations/" + conversation + "/messages?limit=100", apiKey).json().get("items");
    }

    /** Customer writes any type through the sandbox: the message object goes into Meta's webhook as given. */
    String customerSends(String customer, String json) {
        var written = http.post("/sandbox/customers/" + customer.replace("+", "%2B") + "/messages", apiKey,
                json.replace("$TO", number.phoneNumberId()));
        assertThat(written.status()).as(written.body()).isEqualTo(202);
        return written.json().get("wamid").asString();
    }

    /** What the customer's phone shows of the chat, as the sandbox received the business's sends. */
    String customersPhone(String customer) {
        return http.get("/sandbox/phone/chat?phone=" + customer.replace("+", "%2B") + "&to=" + number.phoneNumberId(),
                apiKey).body();
    }
}
