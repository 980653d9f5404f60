package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's own privacy contact is the one its breach report and its notices name; until it sets one, the
 * operator's is named and the pages say so.
 */
@PlatformTest
class PrivacyContactSystemTests {

    private static final GreenMail MAIL = TestMail.server();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    BreachReports reports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkspacesOwnContactReplacesTheOperatorsInTheReportTheNoticeAndTheEmail() {
        var http = new Http(port);
        var email = "contact-owner-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Contact shop", "Owner", email, PASSWORD,
                true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var apiKey = apiKeys.create(created.workspace(), "Contact", created.owner()).key().reveal();
        var customer = "asha" + System.nanoTime() + "@customer.example";
        var created201 = http.post("/api/v1/contacts", apiKey,
                "{\"phone\": \"" + phone() + "\", \"email\": \"" + customer + "\"}");
        assertThat(created201.status()).as(created201.body()).isEqualTo(201);
        var breach = breach(http, apiKey);

        var operator = reports.operatorContact();
        var before = http.get("/api/v1/privacy/breaches/" + breach + "/report", apiKey).json();
        assertThat(before.get("contact").asString()).isEqualTo(operator);
        assertThat(before.get("operatorContact").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/privacy/contact", apiKey).json().get("operatorContact").asString())
                .isEqualTo(operator);
        assertThat(web.get("/app/settings/breaches").body()).contains("id=\"privacy-contact-fallback\"");
        assertThat(web.get("/app/settings/breaches/" + breach).body()).contains("id=\"report-contact-fallback\"");

        var refused = http.put("/api/v1/privacy/contact", apiKey, "{\"name\": \"Meera Rao\", \"email\": \"not-an-email\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid-privacy-contact");

        var saved = web.postForm("/app/settings/breaches/contact",
                Map.of("name", "Meera Rao", "email", "dpo@contact-shop.example", "phone", "+91 98765 43210"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var own = "Meera Rao, dpo@contact-shop.example, +91 98765 43210";
        var after = http.get("/api/v1/privacy/breaches/" + breach + "/report", apiKey).json();
        assertThat(after.get("contact").asString()).isEqualTo(own);
        assertThat(after.get("operatorContact").asBoolean()).isFalse();
        assertThat(after.get("personNotice").get("text").asString()).contains("write to " + own)
                .doesNotContain(operator);
        var page = web.get("/app/settings/breaches/" + breach).body();
        assertThat(page).contains(own).doesNotContain("report-contact-fallback");
        assertThat(web.get("/app/settings/breaches").body()).contains("id=\"privacy-contact-current\"");
        assertThat(http.get("/api/v1/privacy/contact", apiKey).json().get("email").asString())
                .isEqualTo("dpo@contact-shop.example");

        var sent = http.post("/api/v1/privacy/breaches/" + breach + "/notices/email", apiKey, "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        await(() -> mailsTo(customer) == 1);
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(GreenMailUtil::getBody)
                .filter(body -> body.contains("dpo@contact-shop.example")).count()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'privacy-contact.update' and workspace_id = ?")
                .param(created.workspace().value()).query(Long.class).single()).as("the change is audited").isEqualTo(1);
    }

    private static String breach(Http http, String apiKey) {
        var now = Instant.now().plusSeconds(1);
        var breach = http.post("/api/v1/privacy/breaches", apiKey, """
                {"detectedAt": "%s", "description": "A stolen laptop held an export.", "exposedFrom": "%s",
                 "exposedTo": "%s", "dataCategories": ["contacts"]}"""
                .formatted(now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofHours(1)), now));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        return breach.json().get("id").asString();
    }

    private static long mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static String phone() {
        return "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }
}
