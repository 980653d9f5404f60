package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin opens the intents page from the chatbot page, reads the cross-validated figures of the demo examples,
 * adds an example of a new intent and sees the model trained again in the background and the figures change; the
 * confusion matrix scrolls inside its card on a phone.
 */
@PlatformTest
class IntentsPageBrowserTests {

    /** Embedding 400 examples and five trainings on a busy 2-core machine: far longer than a page wait. */
    private static final Duration TRAINING = Duration.ofMinutes(4);

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

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

    /**
     * Mutations caught: figures not recomputed after a change (the new intent never appears, the count stays 400),
     * the page stuck on "training…", a matrix wider than the phone.
     */
    @Test
    void anAdminAddsAnExampleAndSeesTheFiguresChange() {
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Intents Page Shop");
        var http = new Http(port);
        var key = fixture.keys.get(Role.ADMIN);
        Eventually.await(TRAINING, () -> !http.get("/api/v1/chatbot/intents/evaluation", key).json()
                .get("training").asBoolean());
        var before = http.get("/api/v1/chatbot/intents/evaluation", key).json();
        assertThat(before.get("examples").asInt()).isEqualTo(400);
        assertThat(before.get("confusion").get("rows")).hasSize(16);

        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", fixture.emails.get(Role.ADMIN)).type("#password", TeamFixture.PASSWORD)
                .click("#sign-in");
        browser.open("/app/chatbot").click("#link-intents");
        assertThat(browser.path()).isEqualTo("/app/chatbot/intents");
        new WebDriverWait(browser.driver(), TRAINING).until(driver -> "false".equals(
                browser.find("#intents-quality").getDomAttribute("data-training")));
        assertThat(browser.find("#intents-quality").getText())
                .contains("5 folds of 400 examples, with the product's 656 own examples in every training");
        assertThat(browser.find("#intents-per-intent").getText()).doesNotContain("gift_wrap");

        browser.type("#intents-new-text", "can you gift wrap it for my sister").type("#intents-new-intent", "gift_wrap")
                .click("#intents-add");
        new WebDriverWait(browser.driver(), TRAINING).until(driver -> "false".equals(
                browser.find("#intents-quality").getDomAttribute("data-training"))
                && browser.find("#intents-quality").getText().contains("5 folds of 1057 examples)"));
        assertThat(browser.find("#intents-per-intent").getText()).contains("gift_wrap");
        assertThat(browser.find("#intents-confusion").getText()).contains("gift_wrap");
        var after = http.get("/api/v1/chatbot/intents/evaluation", key).json();
        // Its own copy: the 400 shared and 656 product examples and the new one, all cross-validated now.
        assertThat(after.get("examples").asInt()).isEqualTo(1057);
        assertThat(after.get("confusion").get("rows")).hasSize(17);

        browser.width(390);
        assertThat(browser.horizontalOverflow()).as("the page at 390 px scrolls sideways by").isLessThanOrEqualTo(0);
        browser.width(1280);
    }
}
