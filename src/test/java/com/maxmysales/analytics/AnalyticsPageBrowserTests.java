package com.maxmysales.analytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.maxmysales.campaigns.CampaignFixture;
import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.Accessibility;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst opens the analytics after a day of sandbox traffic and reads the right counts, in the figures and in
 * the charts themselves (read back from ECharts), on a laptop and on a phone.
 */
@PlatformTest
class AnalyticsPageBrowserTests {

    /** docs/screenshots when asked for ({@code -Ddocs.screenshots=true}), else target/screenshots. */
    private static final Path SCREENSHOTS = Boolean.getBoolean("docs.screenshots") ? Path.of("docs", "screenshots")
            : Path.of("target", "screenshots", "docs");

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
     * Mutations caught: the chart script reading the wrong column, or the page's totals another range's → the
     * numbers differ: fails; a table wider than the phone's screen → horizontal overflow: fails.
     */
    @Test
    void anAnalystSeesTheDaysCountsInTheChartsAndTheFigures() {
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Chart Shop");
        var http = new Http(port);
        var key = fixture.keys.get(Role.OWNER);
        var number = SandboxNumber.connect(http, key);
        var run = String.format("%06d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L));
        for (var i = 1; i <= 5; i++) {
            number.customerWritesText("+9194" + run + "0" + i, "Customer", "Is it in stock?");
        }
        for (var i = 1; i <= 5; i++) {
            number.customerWritesText("+9194" + run + "0" + i, "Customer", "STOP");
        }
        Eventually.await(() -> http.get("/api/v1/analytics/messages", key).json().get("totals").get("inbound").asInt() == 10
                && http.get("/api/v1/analytics/optouts", key).json().get("totals").get("keyword").asInt(0) == 5);

        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", fixture.emails.get(Role.ANALYST)).type("#password", TeamFixture.PASSWORD).click("#sign-in");
        browser.click("#nav-analytics");
        assertThat(browser.path()).isEqualTo("/app/analytics");

        assertThat(browser.find("#total-inbound").getDomAttribute("data-value")).isEqualTo("10");
        assertThat(browser.find("#optouts-keyword").getText()).isEqualTo("5");
        assertThat(browser.find("#time-zone-note").getText()).as("the page names the zone its days are in")
                .contains("(" + workspaces.get(fixture.workspace).timeZone().getId() + ")");
        assertThat(browser.find("#optouts-email").getText()).as("none: zero singles out nobody").isEqualTo("0");
        browser.waitUntil(driver -> browser.has("#messages-card .chart svg") && browser.has("#optouts-card .chart svg"));
        assertThat(seriesSum(browser.driver(), "#messages-card .chart", "Inbound")).as("the chart's inbound series").isEqualTo(10);
        assertThat(seriesSum(browser.driver(), "#optouts-card .chart", "keyword")).as("the chart's STOP series").isEqualTo(5);
        assertThat(browser.find("#export-messages-csv").getDomAttribute("href")).startsWith("/app/analytics/messages.csv?from=");

        browser.width(1280);
        browser.screenshotTo(SCREENSHOTS.resolve("analytics-1280.png"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#messages-card').scrollIntoView({block: 'start'})");
        browser.screenshotTo(SCREENSHOTS.resolve("analytics-charts-1280.png"));
        browser.width(390);
        assertThat(browser.horizontalOverflow()).as("the page at 390 px scrolls sideways by").isLessThanOrEqualTo(0);
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        browser.screenshotTo(SCREENSHOTS.resolve("analytics-390.png"));
        browser.width(1280);
    }

    /**
     * Mutations caught: the card's table or chart reading another column, a rate of the wrong step, or a campaign's
     * name not linked to its page → the cells differ: fails; the per-campaign table wider than a phone → overflow.
     */
    @Test
    void anAnalystSeesACampaignsFunnelAndStopRate() {
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "Campaign Chart Shop");
        var shop = CampaignFixture.forKey(new Http(port), fixture.keys.get(Role.OWNER), 80);
        shop.contacts("chart", "+9190072", 0, 5, true, "");
        var campaign = shop.campaign("chart");
        shop.post(campaign, "launch");
        Eventually.await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("read").asLong() == 5);
        shop.number().customerWritesText("+919007200003", "Customer 3", "Is the red one in stock?");
        shop.number().customerWritesText("+919007200004", "Customer 4", "STOP");
        // A STOP is an opt-out, not an answer: one replied, one opted out, as on the campaign's page.
        Eventually.await(Duration.ofSeconds(90), () -> shop.counts(campaign).get("replied").asLong() == 1
                && shop.counts(campaign).get("optedOut").asLong() == 1);

        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", fixture.emails.get(Role.ANALYST)).type("#password", TeamFixture.PASSWORD).click("#sign-in");
        browser.open("/app/analytics");

        var row = "#campaign-funnels-table tr[data-campaign='" + campaign + "'] ";
        assertThat(browser.find(row + "a").getText()).isEqualTo("Weekend sale");
        assertThat(browser.find(row + "a").getDomAttribute("href")).isEqualTo("/app/campaigns/" + campaign);
        assertThat(browser.find(row + "td:nth-child(2)").getText()).isEqualTo("5");
        assertThat(browser.find(row + "td:nth-child(3)").getText()).isEqualTo("5 (100.0%)");
        assertThat(browser.find(row + "td:nth-child(4)").getText()).isEqualTo("5 (100.0%)");
        assertThat(browser.find(row + "td:nth-child(5)").getText()).isEqualTo("1 (20.0%)");
        assertThat(browser.find(row + "td:nth-child(6)").getText()).isEqualTo("1");
        assertThat(browser.find(row + ".stop-rate").getText()).isEqualTo("20.0%");
        browser.waitUntil(driver -> browser.has("#campaigns-card .chart svg"));
        assertThat(seriesSum(browser.driver(), "#campaigns-card .chart", "Sent")).as("the chart's sent series").isEqualTo(5);
        assertThat(seriesSum(browser.driver(), "#campaigns-card .chart", "Replied")).as("the chart's replied series").isEqualTo(1);
        assertThat(browser.find("#export-campaigns-csv").getDomAttribute("href")).startsWith("/app/analytics/campaigns.csv?from=");
        assertThat(browser.find("#export-campaign-funnels-csv").getDomAttribute("href"))
                .as("the campaigns' own table, a CSV of its own").startsWith("/app/analytics/campaign-funnels.csv?from=");

        browser.width(390);
        assertThat(browser.horizontalOverflow()).as("the page at 390 px scrolls sideways by").isLessThanOrEqualTo(0);
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        browser.width(1280);
    }

    /** The sum of one series of the ECharts chart in that container, as the chart holds it. */
    private static long seriesSum(org.openqa.selenium.WebDriver driver, String container, String series) {
        var sum = ((JavascriptExecutor) driver).executeScript("""
                var chart = echarts.getInstanceByDom(document.querySelector(arguments[0]));
                var found = chart.getOption().series.filter(function (s) { return s.name === arguments[1]; })[0];
                return found.data.reduce(function (a, b) { return a + (b || 0); }, 0);""".replace("arguments[1]", "'" + series + "'"),
                container);
        return ((Number) sum).longValue();
    }
}
