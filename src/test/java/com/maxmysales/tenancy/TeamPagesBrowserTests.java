package com.maxmysales.tenancy;

import java.util.UUID;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An owner runs the team from the team page: invites, changes a role, resets a password, disables, revokes. */
@PlatformTest
class TeamPagesBrowserTests {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;

    @Test
    void anOwnerInvitesChangesARoleResetsAPasswordDisablesAndRevokes() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ownerEmail = "owner-" + run + "@team.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Team Shop", "Priya", ownerEmail,
                PASSWORD, true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var agentEmail = "agent-" + run + "@team.example";
        team.accept(team.invite(owner, agentEmail, Role.AGENT).token().reveal(), "Arjun", PASSWORD, true, true);
        var agent = new WebSession(port, WebSession.newClientAddress());
        assertThat(agent.signIn(agentEmail, PASSWORD)).isTrue();

        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", ownerEmail).type("#password", PASSWORD).click("#sign-in");
        browser.open("/app/settings/team");

        browser.type("input[name=email]", "newcomer-" + run + "@team.example");
        new Select(browser.find("#invite-role")).selectByValue("analyst");
        browser.click("form[action='/app/settings/team/invitations'] button");
        assertThat(browser.find("#invite-link").getDomAttribute("value")).contains("/invite/inv_");
        browser.click("#copy-invite-link");
        browser.waitUntil(driver -> !"Copy".equals(browser.find("#copy-invite-link").getText()));
        assertThat(browser.find("#copy-invite-link").getText()).isIn("Copied", "Press Ctrl+C");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.getElementById('invite-link'); return f.selectionEnd - f.selectionStart === f.value.length;"))
                .as("the whole link selected, ready to paste").isEqualTo(true);
        assertThat(browser.find("#invitations").getText()).contains("newcomer-" + run, "analyst");

        var row = "#members tr:has(td:nth-child(2))";
        var agentRow = browser.driver().findElements(org.openqa.selenium.By.cssSelector(row)).stream()
                .filter(element -> element.getText().contains(agentEmail)).findFirst().orElseThrow()
                .getDomAttribute("id");
        new Select(browser.find("#" + agentRow + " select.member-role")).selectByValue("analyst");
        browser.click("#" + agentRow + " form[action$='/role'] button");
        assertThat(browser.find("#" + agentRow + " select.member-role").getDomProperty("value")).isEqualTo("analyst");
        assertThat(agent.get("/app/contacts").status()).as("the agent's open session is an analyst's now").isEqualTo(403);

        browser.click("#" + agentRow + " .member-reset");
        assertThat(browser.find("#reset-link").getDomAttribute("value")).contains("/password-reset/pwr_");
        assertThat(agent.signedIn()).as("signed out by the reset").isFalse();
        browser.screenshot("team-reset-link");

        browser.click("#" + agentRow + " .member-disable");
        assertThat(browser.find("#" + agentRow + " .member-status").getText()).isEqualTo("disabled");
        browser.click("#invitations .invitation-revoke");
        assertThat(browser.has("#invitations")).as("no open invitation left").isFalse();
        assertThat(browser.has("#members tr[id='member-" + created.owner() + "'] .member-remove"))
                .as("nobody is offered to remove the owner").isFalse();
    }
}
