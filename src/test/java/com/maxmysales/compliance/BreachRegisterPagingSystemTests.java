package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breach register and a breach's affected people come in keyset pages (newest detection first; contact id order):
 * a workspace with thousands of entries, or a breach of tens of thousands of people, answers a page at a time.
 * Before: the API answered the whole register (at most 200) and every affected person in one array, and the page
 * showed the 200 newest with no way to the rest.
 */
@PlatformTest
class BreachRegisterPagingSystemTests {

    private static final String PASSWORD = "a long enough password";
    private static final Pattern OLDER = Pattern.compile("href=\"/app/settings/breaches\\?cursor=([A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    /**
     * 53 breaches, two of them detected at the same minute: pages of 20 give 20, 20, 13 in detection order, newest
     * first, each once, the last without a cursor; the web page shows the 50 newest and its "Older breaches" link the
     * other 3; a forged cursor or a limit out of range is a 400 problem.
     */
    @Test
    void theRegisterComesNewestFirstInPagesWithEveryBreachOnce() {
        var http = new Http(port);
        var email = "paging-owner-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Paging shop", "Owner", email, PASSWORD,
                true, true));
        var apiKey = apiKeys.create(created.workspace(), "Paging", created.owner()).key().reveal();
        var start = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
        var recorded = new ArrayList<String>();
        for (var i = 0; i < 53; i++) {
            // The 11th and 12th share their detection time: the id breaks the tie, no entry is skipped or repeated.
            var detected = start.plus(Duration.ofHours(i == 11 ? 10 : i));
            var answer = http.post("/api/v1/privacy/breaches", apiKey, """
                    {"detectedAt": "%s", "description": "Breach number %d.", "exposedFrom": "%s", "exposedTo": "%s",
                     "dataCategories": ["contacts"]}""".formatted(detected, i, detected.minus(Duration.ofHours(1)),
                    detected));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            recorded.add(answer.json().get("id").asString());
        }

        var listed = new ArrayList<JsonNode>();
        var sizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            var page = http.get("/api/v1/privacy/breaches?limit=20" + (cursor == null ? "" : "&cursor=" + cursor),
                    apiKey);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            var items = page.json().get("items");
            sizes.add(items.size());
            items.forEach(listed::add);
            var next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(sizes).containsExactly(20, 20, 13);
        var ids = listed.stream().map(breach -> breach.get("id").asString()).toList();
        assertThat(new HashSet<>(ids)).hasSize(53).containsExactlyInAnyOrderElementsOf(recorded);
        var times = listed.stream().map(breach -> Instant.parse(breach.get("detectedAt").asString())).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(http.get("/api/v1/privacy/breaches", apiKey).json().get("items").size()).as("50 by default")
                .isEqualTo(50);

        var forged = http.get("/api/v1/privacy/breaches?cursor=not-a-cursor", apiKey);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-cursor");
        assertThat(http.get("/api/v1/privacy/breaches?limit=501", apiKey).json().get("type").asString())
                .isEqualTo("urn:maxmysales:problem:invalid-page-limit");
        // Attack round 7: a forged cursor at the end of time was a 500 (long overflow), a huge limit a 404.
        var endOfTime = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (Long.MIN_VALUE + "|999999999|" + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var overflowing = http.get("/api/v1/privacy/breaches?cursor=" + endOfTime, apiKey);
        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-cursor");
        var huge = http.get("/api/v1/privacy/breaches?limit=99999999999", apiKey);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-value");

        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var first = web.get("/app/settings/breaches").body();
        assertThat(rows(first)).hasSize(50).containsExactlyElementsOf(ids.subList(0, 50));
        var older = OLDER.matcher(first);
        assertThat(older.find()).as("an Older link").isTrue();
        var second = web.get("/app/settings/breaches?cursor=" + older.group(1)).body();
        assertThat(rows(second)).containsExactlyElementsOf(ids.subList(50, 53));
        assertThat(second).contains("id=\"breaches-newest\"").doesNotContain("id=\"breaches-older\"");
    }

    /**
     * A breach of 7 people: its page shows the first 3 and a cursor, /affected the rest in pages, every person once;
     * another workspace's key gets 404 for the list.
     */
    @Test
    void aBreachsAffectedPeopleComeInPages() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Affected pages");
        var people = new ArrayList<String>();
        var base = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 90_000_000);
        for (var i = 0; i < 7; i++) {
            var contact = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9198%08d\"}".formatted(base + i));
            assertThat(contact.status()).as(contact.body()).isEqualTo(201);
            people.add(contact.json().get("id").asString());
        }
        var now = Instant.now();
        var breach = http.post("/api/v1/privacy/breaches", apiKey, """
                {"detectedAt": "%s", "description": "A shared export link.", "exposedFrom": "%s", "exposedTo": "%s",
                 "dataCategories": ["contacts"]}""".formatted(now, now.minus(Duration.ofDays(1)), now));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        assertThat(breach.json().get("affectedCount").asInt()).isEqualTo(7);
        var id = breach.json().get("id").asString();

        var view = http.get("/api/v1/privacy/breaches/" + id + "?limit=3", apiKey).json();
        var seen = new ArrayList<String>();
        view.get("affected").forEach(person -> seen.add(person.get("contactId").asString()));
        assertThat(seen).hasSize(3);
        var cursor = view.get("affectedNextCursor").asString();
        var pages = new ArrayList<Integer>();
        while (cursor != null) {
            var page = http.get("/api/v1/privacy/breaches/" + id + "/affected?limit=3&cursor=" + cursor, apiKey).json();
            pages.add(page.get("items").size());
            page.get("items").forEach(person -> seen.add(person.get("contactId").asString()));
            var next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        }
        assertThat(pages).containsExactly(3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(people);
        assertThat(seen).isSorted();
        var whole = http.get("/api/v1/privacy/breaches/" + id, apiKey).json();
        assertThat(whole.get("affected").size()).isEqualTo(7);
        var none = whole.get("affectedNextCursor");
        assertThat(none == null || none.isNull()).as("one page holds them all").isTrue();

        var other = http.createWorkspace("Not theirs");
        assertThat(http.get("/api/v1/privacy/breaches/" + id + "/affected", other).status()).isEqualTo(404);
    }

    private static List<String> rows(String page) {
        var ids = new ArrayList<String>();
        var row = Pattern.compile("<tr id=\"breach-([0-9a-f-]{36})\"").matcher(page);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }
}
