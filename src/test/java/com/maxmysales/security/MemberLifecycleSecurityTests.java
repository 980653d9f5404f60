package com.maxmysales.security;

import java.util.Map;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.tenancy.Role.ADMIN;
import static com.maxmysales.tenancy.Role.AGENT;
import static com.maxmysales.tenancy.Role.ANALYST;
import static com.maxmysales.tenancy.Role.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 4: members can be removed, disabled, given another role and have their password reset; pending
 * invitations can be revoked; the sessions of a removed member end at once. Before, none of this existed: a
 * member once added kept their access, and a session kept the role it was signed in with.
 */
@PlatformTest
class MemberLifecycleSecurityTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team teams;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    JdbcClient jdbc;

    Http http;
    TeamFixture team;
    String owner;

    @BeforeEach
    void aTeam() {
        http = new Http(port);
        team = new TeamFixture(signUp, teams, apiKeys, workspaces, "Lifecycle Traders");
        owner = team.keys.get(OWNER);
    }

    @Test
    void aRemovedMembersSessionsEndAtOnceAndNothingPersonalOfThemRemains() {
        var agent = team.signedIn(port, AGENT);
        var elsewhere = team.signedIn(port, AGENT);
        var agentId = team.members.get(AGENT).toString();
        assertThat(sessionsOf(agentId)).isEqualTo(2);

        assertThat(http.delete("/api/v1/members/" + agentId, owner).status()).isEqualTo(204);

        assertThat(sessionsOf(agentId)).as("deleted from the shared session store").isZero();
        assertThat(agent.signedIn()).isFalse();
        assertThat(elsewhere.signedIn()).isFalse();
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(team.emails.get(AGENT),
                TeamFixture.PASSWORD)).isFalse();
        assertThat(http.get("/api/v1/members/" + agentId, owner).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/members", owner).body()).doesNotContain(team.emails.get(AGENT));
        assertThat(jdbc.sql("select email is null and password_hash = '' from business_users where id = cast(? as uuid)")
                .param(agentId).query(Boolean.class).single()).as("email and password erased").isTrue();
        assertThat(signUp.register(new SignUp.Form("Fresh Start", "Agent Again", team.emails.get(AGENT),
                TeamFixture.PASSWORD, true, true))).as("the email is free again").isInstanceOf(SignUp.Result.Created.class);
    }

    @Test
    void aDisabledMemberIsSignedOutAndCannotSignInUntilEnabledAgain() {
        var analyst = team.signedIn(port, ANALYST);
        var analystId = team.members.get(ANALYST).toString();

        var disabled = http.patch("/api/v1/members/" + analystId, owner, "{\"status\": \"disabled\"}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("disabled");
        assertThat(analyst.signedIn()).isFalse();
        var again = new WebSession(port, WebSession.newClientAddress());
        assertThat(again.signIn(team.emails.get(ANALYST), TeamFixture.PASSWORD)).isFalse();
        assertThat(again.get("/login?error").body()).as("told as a wrong password is").contains("do not match");

        assertThat(http.patch("/api/v1/members/" + analystId, owner, "{\"status\": \"active\"}").status()).isEqualTo(200);
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(team.emails.get(ANALYST),
                TeamFixture.PASSWORD)).isTrue();
    }

    @Test
    void aNewRoleAppliesToASessionAlreadySignedInAndRevokesTheKeysAboveIt() {
        var admin = team.signedIn(port, ADMIN);
        assertThat(admin.get("/app/settings/team").status()).isEqualTo(200);
        var adminPrincipal = new BusinessUserPrincipal(team.members.get(ADMIN), team.workspace,
                ADMIN, null);
        var adminsKey = apiKeys.create(adminPrincipal, "made by the admin", ADMIN).key().reveal();
        var adminsAgentKey = apiKeys.create(adminPrincipal, "agent key made by the admin", AGENT).key().reveal();

        var changed = http.patch("/api/v1/members/" + team.members.get(ADMIN), owner, "{\"role\": \"agent\"}");

        assertThat(changed.json().get("role").asString()).isEqualTo("agent");
        assertThat(admin.get("/app/settings/team").status()).as("the same session, now an agent's").isEqualTo(403);
        assertThat(admin.get("/app/contacts").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/workspace", adminsKey).status()).as("a key is never above its creator").isEqualTo(401);
        assertThat(http.get("/api/v1/workspace", adminsAgentKey).status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerManagesAdminsNobodyTheOwnerAndNobodyThemselves() {
        var adminKey = team.keys.get(ADMIN);
        var adminId = team.members.get(ADMIN);
        var second = teams.invite(team.owner(), "second-admin-" + adminId + "@lifecycle.example", ADMIN);
        teams.accept(second.token().reveal(), "Second Admin", TeamFixture.PASSWORD, true, true);
        var secondId = http.get("/api/v1/members", owner).json().get("items").valueStream()
                .filter(member -> member.get("name").asString().equals("Second Admin")).findFirst().orElseThrow()
                .get("id").asString();

        assertThat(http.patch("/api/v1/members/" + secondId, adminKey, "{\"status\": \"disabled\"}").status())
                .as("an admin on another admin").isEqualTo(403);
        assertThat(http.patch("/api/v1/members/" + team.members.get(OWNER), adminKey, "{\"role\": \"agent\"}").status())
                .as("an admin on the owner").isEqualTo(403);
        assertThat(http.delete("/api/v1/members/" + team.members.get(OWNER), owner).status())
                .as("the owner's own key on the owner").isEqualTo(403);
        assertThat(http.patch("/api/v1/members/" + team.members.get(AGENT), adminKey, "{\"role\": \"admin\"}").status())
                .as("an admin making an admin").isEqualTo(403);
        assertThat(http.post("/api/v1/invitations", adminKey, "{\"email\": \"x" + adminId + "@l.example\", \"role\": \"admin\"}")
                .status()).as("an admin inviting an admin").isEqualTo(403);
        assertThat(http.patch("/api/v1/members/" + team.members.get(AGENT), adminKey, "{\"role\": \"analyst\"}").status())
                .as("an admin on an agent").isEqualTo(200);
        assertThat(http.patch("/api/v1/members/" + secondId, owner, "{\"status\": \"disabled\"}").status())
                .as("the owner on an admin").isEqualTo(200);

        var admin = team.signedIn(port, ADMIN);
        var own = admin.postForm("/app/settings/team/members/" + adminId + "/disable", Map.of());
        assertThat(own.body()).contains("you cannot change, disable, remove or reset yourself");
        assertThat(admin.signedIn()).isTrue();
    }

    @Test
    void aPasswordResetEndsTheOldPasswordAndTheSessionsAndItsLinkWorksOnce() {
        var agent = team.signedIn(port, AGENT);

        var reset = http.post("/api/v1/members/" + team.members.get(AGENT) + "/password-reset", team.keys.get(ADMIN), "{}");

        assertThat(reset.status()).isEqualTo(201);
        assertThat(reset.header("Cache-Control")).contains("no-store");
        assertThat(agent.signedIn()).isFalse();
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(team.emails.get(AGENT),
                TeamFixture.PASSWORD)).as("the old password").isFalse();
        var link = reset.json().get("link").asString();
        var path = link.substring(link.indexOf("/password-reset/"));
        var browser = new WebSession(port, WebSession.newClientAddress());
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.postForm(path, Map.of("password", "x".repeat(73))).body())
                .as("too long for bcrypt").contains("Use at most 72 bytes");

        var set = browser.postForm(path, Map.of("password", "a brand new passphrase"));

        assertThat(set.header("Location")).endsWith("/login?passwordChanged");
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(team.emails.get(AGENT),
                "a brand new passphrase")).isTrue();
        assertThat(browser.get(path).status()).as("used once").isEqualTo(404);
    }

    @Test
    void aRevokedInvitationsLinkNoLongerWorks() {
        var invited = http.post("/api/v1/invitations", team.keys.get(ADMIN),
                "{\"email\": \"new-agent-" + System.nanoTime() + "@lifecycle.example\", \"role\": \"agent\"}");
        assertThat(invited.status()).isEqualTo(201);
        var link = invited.json().get("link").asString();
        var path = link.substring(link.indexOf("/invite/"));
        var browser = new WebSession(port, WebSession.newClientAddress());
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/invitations", owner).body()).contains(invited.json().get("id").asString());

        assertThat(http.delete("/api/v1/invitations/" + invited.json().get("id").asString(), owner).status())
                .isEqualTo(204);

        assertThat(browser.get(path).status()).isEqualTo(404);
        assertThat(browser.postForm(path, Map.of("displayName", "Late", "password", TeamFixture.PASSWORD,
                "adult", "true", "acceptNotice", "true")).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/invitations", owner).body()).doesNotContain(invited.json().get("id").asString());
    }

    @Test
    void everyChangeToTheTeamIsAudited() {
        var agentId = team.members.get(AGENT);
        http.patch("/api/v1/members/" + agentId, owner, "{\"role\": \"analyst\"}");
        http.patch("/api/v1/members/" + agentId, owner, "{\"status\": \"disabled\"}");
        http.patch("/api/v1/members/" + agentId, owner, "{\"status\": \"active\"}");
        http.post("/api/v1/members/" + agentId + "/password-reset", owner, "{}");
        http.delete("/api/v1/members/" + agentId, owner);

        var audit = http.get("/api/v1/privacy/audit?action=member.&limit=100", owner).json().get("items");
        assertThat(audit.findValuesAsString("action")).contains("member.invite", "member.join", "member.role-change",
                "member.disable", "member.enable", "member.password-reset-issue", "member.remove");
        assertThat(audit.valueStream().filter(entry -> entry.get("action").asString().equals("member.role-change"))
                .findFirst().orElseThrow().get("detail").asString()).isEqualTo("from=agent,to=analyst");
        assertThat(audit.findValuesAsString("actor")).contains("api-key:" + ownerKeyId());
    }

    private String ownerKeyId() {
        return http.get("/api/v1/api-keys", owner).json().get("items").valueStream()
                .filter(key -> key.get("name").asString().equals("owner key")).findFirst().orElseThrow()
                .get("id").asString();
    }

    private int sessionsOf(String userId) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(userId)
                .query(Integer.class).single();
    }
}
