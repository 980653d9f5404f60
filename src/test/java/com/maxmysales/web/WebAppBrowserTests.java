package com.maxmysales.web;

import java.nio.file.Files;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class WebAppBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    SignUp signUp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBusinessSignsUpAsAnAdultLogsInAndCreatesAWorkingApiKey() {
        var browser = session.open(port);
        var email = "owner-" + System.nanoTime() + "@shop.example";

        browser.open("/signup").type("#workspaceName", "Chai Corner").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        assertThat(browser.find("#workspaceName").getDomProperty("value")).as("answering the banner keeps what was typed")
                .isEqualTo("Chai Corner");
        browser.type("#displayName", "Asha Rao")
                .type("#email", email)
                .type("#password", "a long enough password")
                .click("#acceptNotice")
                .click("#create-workspace");
        assertThat(browser.find("#error-adult").getText()).contains("18");
        assertThat(browser.path()).isEqualTo("/signup");

        browser.type("#password", "a long enough password").click("#adult").click("#create-workspace");
        browser.waitUntil(driver -> browser.path().equals("/login"));
        assertThat(browser.find("#login-message").getText()).contains("ready");

        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        assertThat(browser.find("#workspace-name").getText()).isEqualTo("Chai Corner");
        browser.screenshot("dashboard");

        browser.open("/app/settings/api-keys").type("#key-name", "CRM sync").click("#create-key");
        var key = browser.find("#new-key").getDomAttribute("value");
        browser.screenshot("api-key-created");
        assertThat(browser.find("#keys").getText()).as("least privilege by default").contains("agent");

        var http = new Http(port);
        var workspace = http.get("/api/v1/workspace", key);
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.json().get("name").asString()).isEqualTo("Chai Corner");

        browser.open("/app/settings/api-keys");
        assertThat(browser.has("#new-key")).as("a key is shown only once").isFalse();
        assertThat(browser.find("#keys").getText()).contains("CRM sync");
    }

    @Test
    void aBusinessUserWhoHasNotAcceptedTheNoticeInForceIsAskedToUntilTheyDo() throws Exception {
        var browser = session.open(port);
        var email = "reader-" + System.nanoTime() + "@shop.example";
        signUp.register(new SignUp.Form("Notice Readers", "Ravi", email, "a long enough password",
                true, true));
        // As if they had accepted only an earlier version of the notice.
        jdbc.sql("delete from privacy_notice_acceptances where user_id = (select id from business_users where email = ?)")
                .param(email).update();

        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        assertThat(browser.find("#notice-update").getText()).contains("privacy notice changed");

        browser.click("#notice-update button");
        browser.find("#workspace-name");
        assertThat(browser.has("#notice-update")).isFalse();
    }


    @Test
    void analyticsLoadOnlyAfterTheVisitorAcceptsCookiesAndTheChoiceCanBeChanged() {
        Browser browser = session.open(port);

        browser.open("/");
        assertThat(browser.find("#cookie-banner").isDisplayed()).isTrue();
        assertThat(browser.has("script[data-analytics]")).as("no analytics before consent").isFalse();
        browser.screenshot("cookie-banner");

        browser.click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.open("/");
        assertThat(browser.has("#cookie-banner")).as("the choice is remembered").isFalse();
        assertThat(browser.has("script[data-analytics]")).as("declined: no analytics").isFalse();

        browser.open("/").click("#cookie-settings").click("#settings-accept");
        assertThat(browser.find("#cookie-current").getText()).contains("analytics allowed");
        browser.open("/");
        assertThat(browser.find("script[data-analytics='google-analytics']").getDomAttribute("src")).contains("G-TEST1234");
        assertThat(browser.has("script[data-analytics='meta-pixel']")).isTrue();

        browser.click("#cookie-settings").click("#settings-essential");
        browser.open("/");
        assertThat(browser.has("script[data-analytics]")).as("consent withdrawn: analytics gone").isFalse();
    }

    @Test
    void theDemoLoginPrintedOnFirstRunSignsInAndATestLeadIsFollowedUp() throws Exception {
        var credentials = Files.readString(dataDirectory.root().resolve("demo-login.txt"));
        var password = credentials.lines().filter(line -> line.strip().startsWith("Password:")).findFirst().orElseThrow()
                .split(":", 2)[1].strip();
        var browser = session.open(port);

        browser.open("/login").click("#cookies-accept");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        assertThat(browser.has("script[data-analytics='loader']")).as("accepted in the banner").isTrue();
        browser.type("#username", "demo@maxmysales.local").type("#password", password).click("#sign-in");

        assertThat(browser.find("#workspace-name").getText()).isEqualTo("Demo Shop");
        browser.click("#nav-leads").click("#sources-link").click(".test-lead-form button");
        browser.waitUntil(driver -> {
            driver.navigate().refresh();
            return browser.find("#leads").getText().matches("(?s).*(sent|delivered|read).*");
        });
        browser.screenshot("demo-test-lead");
        browser.click("#sign-out");
        browser.waitUntil(driver -> browser.path().equals("/login"));
        browser.open("/app");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
