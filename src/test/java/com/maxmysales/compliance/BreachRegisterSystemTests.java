package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.OwnerNotices;
import com.maxmysales.tenancy.WorkspaceNotice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breach register (P5) on the platform whose clock the tests move: who a breach affects, its 72-hour deadline and
 * the reminders, isolation between workspaces, and the operator's platform-wide incident.
 */
@ClockedPlatformTest
class BreachRegisterSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    BreachReminders reminders;
    @Autowired
    OwnerNotices notices;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Breach register");
    }

    /**
     * Contacts and messages made before the exposure window closed are affected, those made after are not, whatever
     * the category: a contact made in the window with no message is affected by an exposure of contacts but not of
     * messages, and a customer who first wrote after the window by neither. Drop the window's end from the holders'
     * query (contactsWithRecordsMadeBy) → the later ones are listed: fails.
     */
    @Test
    void aBreachAffectsExactlyThePeopleWhoseDataOfItsCategoriesExistedInTheWindow() {
        var number = SandboxNumber.connect(http, apiKey);
        var t0 = clock.instant();
        var before = contact(phone());
        var wroteBefore = phone();
        number.customerWritesText(wroteBefore, "Early Writer", "hello before the leak");
        var wroteBeforeId = awaitContact(wroteBefore);
        await(() -> messagesOf(wroteBeforeId) > 0);

        clock.advance(Duration.ofHours(2));
        var after = contact(phone());
        var wroteAfter = phone();
        number.customerWritesText(wroteAfter, "Late Writer", "hello after the leak");
        var wroteAfterId = awaitContact(wroteAfter);
        await(() -> messagesOf(wroteAfterId) > 0);

        var detected = clock.instant().minus(Duration.ofMinutes(10));
        var contacts = record(detected, t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofHours(1)), "contacts");
        var messages = record(detected, t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofHours(1)), "messages");

        assertThat(affected(contacts)).containsExactlyInAnyOrder(before, wroteBeforeId);
        assertThat(affected(messages)).containsExactly(wroteBeforeId);
        assertThat(http.get("/api/v1/privacy/breaches/" + contacts, apiKey).json().get("breach").get("affectedCount")
                .asInt()).isEqualTo(2);
        assertThat(Set.of(after, wroteAfterId)).doesNotContainAnyElementsOf(affected(contacts));

        var csv = http.get("/api/v1/privacy/breaches/" + contacts + "/affected.csv", apiKey);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1).map(line -> line.split(",")[0]).toList())
                .containsExactlyInAnyOrder(before, wroteBeforeId);
        assertThat(csv.body()).contains(wroteBefore).doesNotContain(wroteAfter);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'breach.affected-export' and workspace_id = ?")
                .param(workspaceId().value()).query(Long.class).single()).as("the export is audited").isEqualTo(1);
    }

    /**
     * The report is due exactly 72 hours after detection; the owners are told when it is recorded, again a day before
     * it is due, and critically once it is overdue; filing it closes the notice. 73 hours (BreachRegister.REPORT_DEADLINE)
     * → fails.
     */
    @Test
    void theReportIsDueSeventyTwoHoursAfterDetectionAndTheOwnersAreRemindedUntilItIsFiled() {
        contact(phone());
        var detected = clock.instant().minus(Duration.ofHours(5));
        var answer = http.post("/api/v1/privacy/breaches", apiKey, body(detected, detected.minus(Duration.ofDays(1)),
                clock.instant(), "contacts"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var id = answer.json().get("id").asString();
        assertThat(Instant.parse(answer.json().get("reportDueAt").asString()))
                .isEqualTo(detected.plus(Duration.ofHours(72)));
        assertThat(answer.json().get("affectedCount").asInt()).isEqualTo(1);
        assertThat(notice(id).title()).isEqualTo("A data breach was recorded");

        reminders.remind();
        assertThat(notice(id).title()).as("more than a day left").isEqualTo("A data breach was recorded");
        clock.advance(Duration.ofHours(72 - 5 - 24));
        reminders.remind();
        assertThat(notice(id).title()).isEqualTo("A breach report is due soon");
        assertThat(notice(id).critical()).isFalse();

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        reminders.remind();
        assertThat(notice(id).title()).isEqualTo("A breach report is overdue");
        assertThat(notice(id).critical()).isTrue();
        var report = http.get("/api/v1/privacy/breaches/" + id + "/report", apiKey).json();
        assertThat(report.get("personNotice").get("text").asString()).contains("Breach register", "write to");
        assertThat(report.get("extent").asString()).startsWith("1 person whose data");

        var filed = http.post("/api/v1/privacy/breaches/" + id + "/filing", apiKey, "{\"reference\": \"DPB/2031/17\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().get("reportReference").asString()).isEqualTo("DPB/2031/17");
        assertThat(notices.open(workspaceId()).stream().map(WorkspaceNotice::key))
                .doesNotContain("compliance.breach." + id);
    }

    /** Malformed breaches are refused with a problem naming what is wrong, and nothing is recorded. */
    @Test
    void aMalformedBreachIsRefusedAndNothingIsRecorded() {
        var now = clock.instant();
        var backwards = http.post("/api/v1/privacy/breaches", apiKey, body(now, now, now.minus(Duration.ofHours(1)),
                "contacts"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-breach");
        var unknown = http.post("/api/v1/privacy/breaches", apiKey, body(now, now.minus(Duration.ofHours(1)), now,
                "passwords"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:unknown-data-category");
        assertThat(unknown.json().get("detail").asString()).contains("contacts", "messages", "leads");
        var future = http.post("/api/v1/privacy/breaches", apiKey, body(now.plus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)), now, "contacts"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/privacy/breaches", apiKey).json().get("items").size()).isZero();
    }

    /**
     * Another workspace never sees a breach, its affected people, its report or its export (404), and its own
     * register and compliance report hold nothing of them.
     */
    @Test
    void anotherWorkspaceNeverSeesABreach() {
        contact(phone());
        var now = clock.instant();
        var id = record(now, now.minus(Duration.ofHours(1)), now, "contacts");
        var other = http.createWorkspace("Someone else");
        for (var path : List.of("", "/report", "/affected.csv")) {
            assertThat(http.get("/api/v1/privacy/breaches/" + id + path, other).status()).as(path).isEqualTo(404);
        }
        assertThat(http.post("/api/v1/privacy/breaches/" + id + "/filing", other, "{}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/privacy/breaches", other).json().get("items").size()).isZero();
        assertThat(http.get("/api/v1/reports/compliance", other).json().get("breaches").get("listed").size()).isZero();
        assertThat(http.get("/api/v1/privacy/breaches/" + id, apiKey).json().get("breach").get("reportFiledAt")).isNull();
    }

    /**
     * The operator's incident enters the register of each workspace with people affected, with that workspace's own
     * affected list, and not of a workspace with nobody in the window; the same incident is not entered twice.
     */
    @Test
    void theOperatorsIncidentCreatesAnEntryInEveryAffectedWorkspace() {
        var first = contact(phone());
        var secondKey = http.createWorkspace("Second shop");
        var second = contact(secondKey, phone());
        var start = clock.instant().minus(Duration.ofMinutes(1));
        clock.advance(Duration.ofHours(1));
        var lateKey = http.createWorkspace("Came later");
        contact(lateKey, phone());
        var now = clock.instant();

        var incident = http.post("/api/v1/admin/privacy/breaches", PlatformTest.ADMIN_TOKEN,
                body(now, start, start.plus(Duration.ofMinutes(30)), "contacts"));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/admin/privacy/breaches", apiKey, "{}").status()).as("a workspace's key")
                .isEqualTo(401);

        var mine = http.get("/api/v1/privacy/breaches", apiKey).json().get("items");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("source").asString()).isEqualTo("operator");
        assertThat(affected(mine.get(0).get("id").asString())).containsExactly(first);
        var theirs = http.get("/api/v1/privacy/breaches", secondKey).json().get("items");
        assertThat(affected(theirs.get(0).get("id").asString(), secondKey)).containsExactly(second);
        assertThat(http.get("/api/v1/privacy/breaches", lateKey).json().get("items").size()).as("nobody of it in the window").isZero();
    }

    private String record(Instant detected, Instant from, Instant to, String category) {
        var answer = http.post("/api/v1/privacy/breaches", apiKey, body(detected, from, to, category));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static String body(Instant detected, Instant from, Instant to, String category) {
        return """
                {"detectedAt": "%s", "description": "A backup copy was readable from the internet.",
                 "exposedFrom": "%s", "exposedTo": "%s", "dataCategories": ["%s"]}"""
                .formatted(detected, from, to, category);
    }

    private List<String> affected(String breach) {
        return affected(breach, apiKey);
    }

    private List<String> affected(String breach, String key) {
        return http.get("/api/v1/privacy/breaches/" + breach, key).json().get("affected").valueStream()
                .map(person -> person.get("contactId").asString()).toList();
    }

    private String contact(String phone) {
        return contact(apiKey, phone);
    }

    private String contact(String key, String phone) {
        var created = http.post("/api/v1/contacts", key, "{\"phone\": \"" + phone + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String awaitContact(String phone) {
        var id = new String[1];
        await(() -> {
            var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), apiKey).json().get("items");
            id[0] = items.isEmpty() ? null : items.get(0).get("id").asString();
            return id[0] != null;
        });
        return id[0];
    }

    private long messagesOf(String contact) {
        return jdbc.sql("select count(*) from messages where contact_id = ?").param(UUID.fromString(contact))
                .query(Long.class).single();
    }

    private WorkspaceId workspaceId() {
        return new WorkspaceId(UUID.fromString(http.get("/api/v1/workspace", apiKey).json().get("id").asString()));
    }

    private WorkspaceNotice notice(String breach) {
        return notices.open(workspaceId()).stream().filter(notice -> notice.key().equals("compliance.breach." + breach))
                .findFirst().orElseThrow();
    }

    private static String phone() {
        return "+9197" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    static Set<String> ids(JsonNode array) {
        return array.valueStream().map(node -> node.asString()).collect(Collectors.toSet());
    }
}
