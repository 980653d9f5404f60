package com.maxmysales.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.Http;
import com.maxmysales.support.DatabaseDump;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A request from the person verified by a one-time code sent by email, through a real SMTP server ({@link TestMail}). */
@PlatformTest
class PrivacyEmailVerificationSystemTests {

    static final String SENDER = TestMail.PRIVACY_SENDER;
    private static final GreenMail MAIL = TestMail.server();
    private static final Pattern CODE = Pattern.compile("is (\\d{6})\\.");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Email verification");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    @Test
    void aRequestFromThePersonWaitsForTheCodeSentToTheirEmailAndAWrongCodeIsRefused() throws Exception {
        var email = "asha" + run + "@customer.example";
        var contact = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+91964%07d", "email": "%s"}""".formatted(run, email)).json().get("id").asString();

        var filed = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "erasure", "email": "%s", "requestedBy": "person", "verifyBy": "email"}""".formatted(email));

        assertThat(filed.status()).isEqualTo(202);
        assertThat(filed.json().get("status").asString()).isEqualTo("awaiting-verification");
        var id = filed.json().get("id").asString();
        var mail = mailsTo(email);
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getFrom()[0].toString()).isEqualTo(SENDER);
        var code = codeIn(mail[0]);
        assertThat(jdbc.sql("select count(*) from privacy_requests where id = cast(? as uuid) and code_hash is not null")
                .param(id).query(Integer.class).single()).as("a hash of the code is kept").isEqualTo(1);
        // Every row of this workspace's or this request's, in any table: six digits alone would turn up by chance
        // somewhere in a database other tests share. Keep the code as it was sent instead of its hash (CodeDelivery) → fails.
        var workspace = http.get("/api/v1/workspace", apiKey).json().get("id").asString();
        assertThat(DatabaseDump.of(jdbc).rowsMentioning(workspace, id).containing(List.of(code)))
                .as("only a keyed hash of the code is stored").isEmpty();

        var wrong = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey,
                "{\"code\": \"" + (code.equals("000000") ? "111111" : "000000") + "\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("type").asString()).endsWith("wrong-code");
        assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).as("nothing erased yet").isEqualTo(200);

        var verified = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey,
                "{\"code\": \"" + code + "\"}").json();

        assertThat(verified.get("status").asString()).isEqualTo("completed");
        assertThat(verified.get("verifyBy").asString()).isEqualTo("email");
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/privacy/audit?action=privacy.request.code-sent", apiKey).json().get("items").get(0)
                .get("detail").asString()).isEqualTo("channel=email");
    }

    @Test
    void aNewCodeGoesByEmailAgainAndReplacesTheFirst() throws Exception {
        var email = "ravi" + run + "@customer.example";
        var id = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "email": "%s", "requestedBy": "person"}""".formatted(email)).json().get("id").asString();
        var first = codeIn(mailsTo(email)[0]);

        http.post("/api/v1/privacy/requests/" + id + "/verification-code", apiKey, "{}");

        var mails = mailsTo(email);
        assertThat(mails).as("email is the default without a phone, and a new code goes where the first went").hasSize(2);
        var second = codeIn(mails[1]);
        if (!second.equals(first)) {
            assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + first + "\"}")
                    .status()).as("the first code no longer counts").isEqualTo(422);
        }
        assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + second + "\"}")
                .json().get("status").asString()).isEqualTo("completed");
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

    private static String codeIn(MimeMessage mail) {
        var matcher = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("the mail carries a six-digit code").isTrue();
        return matcher.group(1);
    }
}
