package com.maxmysales.web;

import java.util.regex.Pattern;

import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard counts one workspace's day, and the checklist follows the data until an owner hides it. */
@PlatformTest
class DashboardSystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void aCustomerWritingToOneWorkspaceMovesOnlyItsNumbersAndItsChecklistStaysUntilHidden() {
        var busy = owner("Busy shop");
        var quiet = owner("Quiet shop");
        var number = SandboxNumber.connect(new Http(port), busy.apiKey());
        number.customerWritesText("+919811177788", "Nisha", "Do you open on Sunday?");

        Eventually.await(() -> stat(busy.web().get("/app").body(), "stat-in") == 1);
        var busyPage = busy.web().get("/app").body();
        assertThat(stat(busyPage, "stat-open")).isEqualTo(1);
        assertThat(busyPage).contains("id=\"step-number\" data-done=\"yes\"");

        var quietPage = quiet.web().get("/app").body();
        assertThat(stat(quietPage, "stat-in")).as("another workspace's customer").isZero();
        assertThat(stat(quietPage, "stat-open")).isZero();
        assertThat(quietPage).contains("id=\"step-number\" data-done=\"no\"", "id=\"all-clear\"");

        assertThat(quiet.web().postForm("/app/onboarding/dismiss", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(quiet.web().get("/app").body()).doesNotContain("id=\"onboarding\"");
        assertThat(busy.web().get("/app").body()).as("hidden for that workspace only").contains("id=\"onboarding\"");
    }

    private record Owner(WebSession web, String apiKey) {}

    private Owner owner(String business) {
        var email = "dashboard-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form(business, "Owner", email, PASSWORD,
                true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        return new Owner(web, apiKeys.create(created.workspace(), "Dashboard", created.owner()).key().reveal());
    }

    private static long stat(String page, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(matcher.find()).as(id + " on the dashboard").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
