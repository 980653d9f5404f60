package com.maxmysales.tenancy;

import java.util.Map;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walkthrough finding: accepting a team invitation ended on the sign-in page, asking the invitee for the email the
 * link had just proved and the password they had just chosen. They now land in their workspace, signed in with the
 * invited role, on a new session id, and the app's forms take the session's CSRF token.
 */
@PlatformTest
class InvitationSignInSystemTests {

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

    @Test
    void acceptingAnInvitationLandsInTheWorkspaceSignedInWithTheInvitedRoleOnAFreshSession() {
        var shop = new TeamFixture(signUp, team, apiKeys, workspaces, "Invited Landing Shop");
        var email = "invitee-" + System.nanoTime() + "@landing.example";
        var link = "/invite/" + team.invite(shop.owner(), email, Role.ANALYST).token().reveal();
        var invitee = new WebSession(port, WebSession.newClientAddress());
        assertThat(invitee.get(link).status()).isEqualTo(200);
        var before = invitee.cookie("MMS_SESSION");
        assertThat(before).as("the invitation form's session, which holds its CSRF token").isNotNull();

        var accepted = invitee.postForm(link, Map.of("displayName", "Ila", "password", TeamFixture.PASSWORD,
                "adult", "true", "acceptNotice", "true"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        assertThat(accepted.header("Location")).endsWith("/app");
        assertThat(invitee.cookie("MMS_SESSION")).as("a new session id at sign-in").isNotEqualTo(before);
        var app = invitee.get("/app");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body()).contains("Invited Landing Shop");
        assertThat(invitee.get("/app/analytics").status()).as("an analyst's page").isEqualTo(200);
        assertThat(invitee.get("/app/contacts").status()).as("not an analyst's: the invited role, no more")
                .isEqualTo(403);
        var signedOut = invitee.postForm("/logout", Map.of());
        assertThat(signedOut.header("Location")).as("the app's form with the session's CSRF token")
                .endsWith("/login?signedOut");
        assertThat(invitee.signedIn()).isFalse();
        assertThat(new WebSession(port, WebSession.newClientAddress()).get(link).status()).as("used once")
                .isEqualTo(404);
    }

    @Test
    void aRefusedPasswordKeepsWhatTheInviteeTypedAndSaysTheRule() {
        var shop = new TeamFixture(signUp, team, apiKeys, workspaces, "Invited Retry Shop");
        var email = "retry-" + System.nanoTime() + "@landing.example";
        var link = "/invite/" + team.invite(shop.owner(), email, Role.AGENT).token().reveal();
        var invitee = new WebSession(port, WebSession.newClientAddress());
        assertThat(invitee.get(link).body()).contains("At least 12 characters");

        var refused = invitee.postForm(link, Map.of("displayName", "Ila Menon", "password", "short",
                "adult", "true", "acceptNotice", "true"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"Ila Menon\"").contains("id=\"adult\" value=\"true\" checked")
                .contains("id=\"acceptNotice\" value=\"true\" checked").doesNotContain("value=\"short\"");
    }
}
