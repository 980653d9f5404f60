package com.maxmysales.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A breach's dashboard notice leads to the breach, and each member can hide it for themselves only. */
@PlatformTest
class DashboardNoticeSystemTests {

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
    void theBreachNoticeLinksToTheBreachAndIsDismissedPerMember() {
        var shop = new TeamFixture(signUp, team, apiKeys, workspaces, "Notice shop");
        var other = new TeamFixture(signUp, team, apiKeys, workspaces, "Other shop");
        var http = new Http(port);
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var breach = http.post("/api/v1/privacy/breaches", shop.keys.get(Role.OWNER), """
                {"detectedAt": "%s", "description": "A stolen laptop.", "exposedFrom": "%s", "exposedTo": "%s",
                 "dataCategories": ["contacts"]}""".formatted(now, now.minus(Duration.ofHours(1)), now));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        var breachId = breach.json().get("id").asString();

        var owner = shop.signedIn(port, Role.OWNER);
        var admin = shop.signedIn(port, Role.ADMIN);
        var page = owner.get("/app").body();
        assertThat(page).contains("href=\"/app/settings/breaches/" + breachId + "\"");
        var form = Pattern.compile("action=\"/app/notices/([0-9a-f-]{36})/dismiss\"").matcher(page);
        assertThat(form.find()).as("a dismiss form").isTrue();
        var noticeId = form.group(1);

        var stranger = other.signedIn(port, Role.OWNER);
        assertThat(stranger.postForm("/app/notices/" + noticeId + "/dismiss", Map.of()).status())
                .as("another workspace's notice").isEqualTo(404);
        assertThat(owner.postForm("/app/notices/" + UUID.randomUUID() + "/dismiss", Map.of()).status()).isEqualTo(404);

        var dismissed = owner.postForm("/app/notices/" + noticeId + "/dismiss", Map.of());
        assertThat(dismissed.status()).isEqualTo(302);
        assertThat(owner.get("/app").body()).doesNotContain("/app/notices/" + noticeId + "/dismiss");
        assertThat(admin.get("/app").body()).as("the admin did not dismiss it")
                .contains("/app/notices/" + noticeId + "/dismiss");
    }
}
