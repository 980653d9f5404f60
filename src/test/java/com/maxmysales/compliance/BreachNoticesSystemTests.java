package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The notice to each person a breach affects: by email through a real SMTP server, or recorded as sent otherwise. */
@PlatformTest
class BreachNoticesSystemTests {

    private static final GreenMail MAIL = TestMail.server();

    @LocalServerPort
    int port;

    /**
     * Everyone with an email gets the plain-language notice once, from the privacy contact, and when is recorded; the
     * one without is counted and later recorded as told by WhatsApp; a second round sends nothing again.
     */
    @Test
    void everyAffectedPersonWithAnEmailGetsTheNoticeOnceAndEachIsRecorded() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Notice shop");
        var email = "asha" + System.nanoTime() + "@customer.example";
        var withEmail = contact(http, apiKey, "{\"phone\": \"" + phone() + "\", \"email\": \"" + email + "\"}");
        var withoutEmail = contact(http, apiKey, "{\"phone\": \"" + phone() + "\"}");
        // A second on: the window closes after the contacts were made, whatever the clock's resolution.
        var now = Instant.now().plusSeconds(1);
        var breach = http.post("/api/v1/privacy/breaches", apiKey, """
                {"detectedAt": "%s", "description": "A stolen laptop held an export.", "exposedFrom": "%s",
                 "exposedTo": "%s", "dataCategories": ["contacts"], "measures": "We revoked the laptop's access."}"""
                .formatted(now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofHours(1)), now));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        var id = breach.json().get("id").asString();

        var sent = http.post("/api/v1/privacy/breaches/" + id + "/notices/email", apiKey, "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("sent").asInt()).isEqualTo(1);
        assertThat(sent.json().get("withoutEmail").asInt()).isEqualTo(1);
        await(() -> mailsTo(email).length == 1);
        var mail = mailsTo(email)[0];
        assertThat(GreenMailUtil.getBody(mail)).contains("Notice shop", "security incident",
                "We revoked the laptop's access.", "write to");

        var affected = http.get("/api/v1/privacy/breaches/" + id, apiKey).json().get("affected");
        for (var person : affected) {
            var notified = person.get("notifiedAt");
            if (person.get("contactId").asString().equals(withEmail)) {
                assertThat(notified).as("emailed").isNotNull();
                assertThat(person.get("channel").asString()).isEqualTo("email");
            } else {
                assertThat(notified).as("no email address").isNull();
            }
        }
        assertThat(http.post("/api/v1/privacy/breaches/" + id + "/notices", apiKey,
                "{\"contactIds\": [\"" + withoutEmail + "\"], \"channel\": \"whatsapp\"}").json().get("recorded").asInt())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/privacy/breaches/" + id, apiKey).json().get("breach").get("notified").asInt())
                .isEqualTo(2);

        var again = http.post("/api/v1/privacy/breaches/" + id + "/notices/email", apiKey, "{}").json();
        assertThat(again.get("sent").asInt()).isZero();
        assertThat(mailsTo(email)).hasSize(1);
    }

    private static String contact(Http http, String apiKey, String body) {
        var created = http.post("/api/v1/contacts", apiKey, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private static String phone() {
        return "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }
}
