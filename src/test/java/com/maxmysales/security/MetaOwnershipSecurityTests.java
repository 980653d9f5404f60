package com.maxmysales.security;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.AgainstFakeMeta;
import com.maxmysales.support.Http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 9, "ownership of Meta ids": phone-number ids and page ids were first come, first served, and
 * the 409 told anyone that an id was in use. Meta (a fake Graph API here) now has to confirm the token given
 * for a number or page, and a number or page another workspace has is answered like one Meta does not confirm.
 */
class MetaOwnershipSecurityTests extends AgainstFakeMeta {

    @LocalServerPort
    int port;

    Http http;
    String victimKey;
    String attackerKey;

    @BeforeEach
    void twoWorkspaces() {
        http = new Http(port);
        victimKey = http.createWorkspace("Owner of the number");
        attackerKey = http.createWorkspace("Claimant");
    }

    /** Item 9: a phone-number id alone connected any number, with a made-up token. */
    @Test
    void aRealNumberIsConnectedOnlyWhenMetaConfirmsTheTokenForItAndItsAccount() {
        var number = newId();
        var waba = newId();
        var token = "EAAG-" + UUID.randomUUID();

        assertNotConfirmed(connectNumber(victimKey, number, waba, token), number);
        META.grantNumber(token, number, waba);
        assertNotConfirmed(connectNumber(victimKey, number, newId(), token), number);
        assertNotConfirmed(connectNumber(victimKey, number, waba, "EAAG-someone-else"), number);

        var connected = connectNumber(victimKey, number, waba, token);

        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("phoneNumberId").asString()).isEqualTo(number);
        var again = connectNumber(victimKey, number, waba, token);
        assertThat(again.status()).as("the workspace's own number, again").isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:channel-exists");
    }

    /** Item 9: "the 409 tells anyone that an id is in use". */
    @Test
    void aNumberAnotherWorkspaceHasIsAnsweredExactlyLikeOneMetaDoesNotConfirm() {
        var taken = newId();
        var waba = newId();
        var ownersToken = "EAAG-" + UUID.randomUUID();
        META.grantNumber(ownersToken, taken, waba);
        assertThat(connectNumber(victimKey, taken, waba, ownersToken).status()).isEqualTo(201);
        var free = newId();

        var claimTaken = connectNumber(attackerKey, taken, waba, "EAAG-guess");
        var claimFree = connectNumber(attackerKey, free, waba, "EAAG-guess");
        var claimWithTheOwnersToken = connectNumber(attackerKey, taken, waba, ownersToken);

        assertNotConfirmed(claimTaken, taken);
        assertNotConfirmed(claimFree, free);
        assertNotConfirmed(claimWithTheOwnersToken, taken);
        assertThat(answer(claimTaken, taken)).isEqualTo(answer(claimFree, free)).isEqualTo(answer(claimWithTheOwnersToken, taken));
        assertThat(http.get("/api/v1/channels", attackerKey).json()).isEmpty();
    }

    /** Item 9: a Facebook Page id alone registered any page, so its leads went to whoever named it first. */
    @Test
    void aRealPageIsAddedOnlyWithThatPagesOwnToken() {
        var page = newId();
        var pageToken = "EAAP-" + UUID.randomUUID();

        assertPageNotConfirmed(addPage(victimKey, page, pageToken), page);
        META.grantPage(pageToken, page);
        var otherPagesToken = "EAAP-" + UUID.randomUUID();
        META.grantPage(otherPagesToken, newId());
        assertPageNotConfirmed(addPage(victimKey, page, otherPagesToken), page);

        var added = addPage(victimKey, page, pageToken);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("sandbox").asBoolean()).isFalse();
    }

    /** Item 9, for pages: a page another workspace has must not be told apart from one Meta does not confirm. */
    @Test
    void aPageAnotherWorkspaceHasIsAnsweredExactlyLikeOneMetaDoesNotConfirm() {
        var taken = newId();
        var pageToken = "EAAP-" + UUID.randomUUID();
        META.grantPage(pageToken, taken);
        assertThat(addPage(victimKey, taken, pageToken).status()).isEqualTo(201);
        var free = newId();

        var claimTaken = addPage(attackerKey, taken, "EAAP-guess");
        var claimFree = addPage(attackerKey, free, "EAAP-guess");
        var claimWithThePagesToken = addPage(attackerKey, taken, pageToken);

        assertPageNotConfirmed(claimTaken, taken);
        assertPageNotConfirmed(claimFree, free);
        assertPageNotConfirmed(claimWithThePagesToken, taken);
        assertThat(answer(claimTaken, taken)).isEqualTo(answer(claimFree, free)).isEqualTo(answer(claimWithThePagesToken, taken));
        assertThat(http.get("/api/v1/lead-sources", attackerKey).json()).isEmpty();
    }

    private Http.Response connectNumber(String apiKey, String phoneNumberId, String wabaId, String token) {
        return http.post("/api/v1/channels", apiKey, """
                {"phoneNumberId": "%s", "wabaId": "%s", "displayPhoneNumber": "+91 98000 00001", "accessToken": "%s"}"""
                .formatted(phoneNumberId, wabaId, token));
    }

    private Http.Response addPage(String apiKey, String pageId, String token) {
        return http.post("/api/v1/lead-sources", apiKey, """
                {"type": "meta", "pageId": "%s", "pageAccessToken": "%s"}""".formatted(pageId, token));
    }

    private static void assertNotConfirmed(Http.Response response, String phoneNumberId) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:channel-not-confirmed");
        assertThat(response.json().get("detail").asString()).contains(phoneNumberId);
    }

    private static void assertPageNotConfirmed(Http.Response response, String pageId) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:lead-source-not-confirmed");
        assertThat(response.json().get("detail").asString()).contains(pageId);
    }

    /** Everything the caller sees of a refusal, with the id it named taken out. */
    private static String answer(Http.Response response, String id) {
        var problem = response.json();
        return (response.status() + " " + problem.get("type").asString() + " " + problem.get("title").asString() + " "
                + problem.get("detail").asString()).replace(id, "ID");
    }

    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }
}
