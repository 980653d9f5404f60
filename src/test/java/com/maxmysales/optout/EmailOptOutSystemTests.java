package com.maxmysales.optout;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import com.maxmysales.tenancy.ApiKeyManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Unsubscribe" emails through a real IMAP mailbox, confirmations through a real SMTP server: the one GreenMail
 * every platform of the tests uses ({@link TestMail}), whose mailbox is read here by polling it directly.
 */
@PlatformTest
class EmailOptOutSystemTests {

    static final String MAILBOX = TestMail.OPTOUT_MAILBOX;
    static final String REVIEW_WORKSPACE = TestMail.REVIEW_WORKSPACE;
    private static final GreenMail MAIL = TestMail.server();
    private static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Kolkata");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    MailboxPoller poller;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void theOperatorsOwnWorkspaceReviewsUnmatchedRequests() {
        jdbc.sql("insert into workspaces (id, name, created_at) values (cast(? as uuid), 'Operator', now()) on conflict do nothing")
                .param(REVIEW_WORKSPACE).update();
        apiKey = apiKeys.create(WorkspaceId.of(REVIEW_WORKSPACE), "test " + System.nanoTime(), null).key().reveal();
        http = new Http(port);
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
    }

    @Test
    void anUnsubscribeEmailWithdrawsTheContactsItNamesIsConfirmedOnceAndIsNeverProcessedTwice() throws Exception {
        var asha = consentedContact("+91961%07d".formatted(run), "asha" + run + "@customer.example");
        var ravi = consentedContact("+91962%07d".formatted(run), null);
        var meena = consentedContact("+91963%07d".formatted(run), null);
        var stranger = "someone" + run + "@unknown.example";
        send("Asha" + run + "@Customer.example", "Re: UNSUBSCRIBE", "Please stop. Thanks");
        send("ravi" + run + "@other.example", "Fwd: unsubscribe", "My WhatsApp number is 0962%07d, remove it.".formatted(run));
        send(stranger, "Unsubscribe", "I don't want messages from the shop any more");
        send("boss" + run + "@other.example", "Invoice attached", "Please unsubscribe me is not the subject here");

        assertThat(poller.poll()).as("two withdrawn, one queued for review").isEqualTo(3);

        assertThat(optedOut(asha)).isTrue();
        assertThat(optedOut(ravi)).isTrue();
        assertThat(optedOut(meena)).isFalse();
        var history = http.get("/api/v1/contacts/" + asha + "/consents", apiKey).json();
        assertThat(history.get("current").get("marketing").get("source").asString()).isEqualTo("email");
        assertThat(history.get("current").get("lead_follow_up").get("status").asString()).isEqualTo("withdrawn");
        assertThat(confirmationsTo("asha" + run + "@customer.example")).isEqualTo(1);
        assertThat(confirmationsTo("ravi" + run + "@other.example")).isEqualTo(1);
        assertThat(confirmationsTo(stranger)).as("not confirmed before someone acts on it").isZero();
        var open = request(stranger);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(Instant.parse(open.get("dueAt").asString())).as("ten business days, the operator's holidays not counted")
                .isEqualTo(tenthBusinessDayAfter(Instant.parse(open.get("receivedAt").asString())));
        assertThat(open.get("businessDaysLeft").asInt()).isEqualTo(10);

        // A new poll cycle, and a mailbox that lost our keyword (another client, a restored backup): nothing twice.
        assertThat(poller.poll()).isZero();
        removeOurKeywordFromEveryMail();
        assertThat(poller.poll()).isZero();
        assertThat(confirmationsTo("asha" + run + "@customer.example")).isEqualTo(1);
        assertThat(http.get("/api/v1/optout/email-requests", apiKey).json().valueStream()
                .filter(request -> request.get("sender").asString().contains(String.valueOf(run)))).hasSize(3);

        var resolved = http.post("/api/v1/optout/email-requests/" + open.get("id").asString() + "/resolve", apiKey,
                "{\"phoneOrEmail\": \"0963 %07d\"}".formatted(run));
        assertThat(resolved.status()).isEqualTo(200);
        poller.sendConfirmations();
        assertThat(optedOut(meena)).isTrue();
        assertThat(confirmationsTo(stranger)).isEqualTo(1);
        var stats = http.get("/api/v1/optout/stats", apiKey).json();
        assertThat(stats.get("byChannel").get("email").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(stats.get("openEmailRequests").valueStream()
                .filter(request -> request.get("sender").asString().equals(stranger))).isEmpty();
    }

    /**
     * The end of the tenth business day after the day a mail arrived, in the operator's zone, skipping weekends and
     * the holidays every test platform is configured with ({@link TestMail#OPTOUT_HOLIDAYS}, the next two weekdays,
     * so that they fall inside the ten days). Ignore the holidays (EmailOptOuts) → due two business days early: fails.
     */
    private static Instant tenthBusinessDayAfter(Instant received) {
        var day = received.atZone(OPERATOR_ZONE).toLocalDate();
        for (var counted = 0; counted < 10; ) {
            day = day.plusDays(1);
            var weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !TestMail.OPTOUT_HOLIDAYS.contains(day)) {
                counted++;
            }
        }
        return day.atTime(LocalTime.MAX).atZone(OPERATOR_ZONE).toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private String consentedContact(String phone, String email) {
        var body = email == null ? "{\"phone\": \"%s\", \"consent\": {\"purpose\": \"marketing\", \"basis\": \"shop form\"}}"
                .formatted(phone) : "{\"phone\": \"%s\", \"email\": \"%s\", \"consent\": {\"purpose\": \"marketing\", \"basis\": \"shop form\"}}"
                .formatted(phone, email);
        return http.post("/api/v1/contacts", apiKey, body).json().get("id").asString();
    }

    private boolean optedOut(String contact) {
        return http.get("/api/v1/contacts/" + contact, apiKey).json().get("optedOut").asBoolean();
    }

    private JsonNode request(String sender) {
        return http.get("/api/v1/optout/email-requests", apiKey).json().valueStream()
                .filter(request -> request.get("sender").asString().equals(sender)).findFirst().orElseThrow();
    }

    private static void send(String from, String subject, String body) {
        GreenMailUtil.sendTextEmail(MAILBOX, from, subject, body, MAIL.getSmtp().getServerSetup());
    }

    private static long confirmationsTo(String address) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().equals("Re: Unsubscribe")
                        && GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static void removeOurKeywordFromEveryMail() throws Exception {
        try (var store = Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect("127.0.0.1", MAIL.getImap().getPort(), MAILBOX, "mailbox-secret");
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (var message : inbox.getMessages()) {
                message.setFlags(new Flags(MailboxPoller.PROCESSED), false);
            }
            inbox.close(false);
        }
    }
}
